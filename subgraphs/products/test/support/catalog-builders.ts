import { Types, type Connection } from 'mongoose';
import { categoryModel } from '../../src/category/category.model';
import { productModel, type ProductDocument } from '../../src/product/product.model';

let sequence = 0;

/** Seed builder: a category with a unique slug. */
export async function createCategory(connection: Connection, slug = `cat-${(sequence += 1)}`) {
  const category = await categoryModel(connection).create({
    name: `분류 ${slug}`,
    nameEn: `Category ${slug}`,
    slug,
  });
  return category.toObject();
}

export interface ProductSeed extends Partial<Omit<ProductDocument, 'stock'>> {
  onHand?: number;
  reserved?: number;
}

/** Seed builder: an active product with the given stock, indexed for search like any other. */
export async function createProduct(
  connection: Connection,
  { onHand = 10, reserved = 0, ...fields }: ProductSeed = {},
): Promise<ProductDocument> {
  sequence += 1;
  const base = {
    sku: `T-${sequence}-${new Types.ObjectId().toHexString().slice(-6)}`,
    name: `테스트 상품 ${sequence}`,
    nameEn: `Test product ${sequence}`,
    description: '설명',
    descriptionEn: 'Description',
    price: { amount: 10_000, currency: 'KRW' },
    images: [],
    categoryId: fields.categoryId ?? new Types.ObjectId(),
    tags: [],
    status: 'ACTIVE' as const,
    popularity: 0,
    ...fields,
  };
  const product = await productModel(connection).create({
    ...base,
    stock: { onHand, reserved, available: onHand - reserved },
  });
  return product.toObject<ProductDocument>();
}
