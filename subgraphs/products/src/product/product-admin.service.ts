import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { hasRole, requireRole, type Identity } from '@shop/auth';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  parseInput,
} from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import { productUpdated } from '@shop/contracts';
import type { CategoryModel } from '../category/category.model';
import { stockEvent } from '../inventory/stock-holds';
import {
  createProductInput,
  stockQuantity,
  updateProductInput,
  withoutNulls,
  type UpdateProductValues,
} from './product-input';
import type { ProductDocument, ProductModel } from './product.model';

type Change = 'CREATED' | 'UPDATED' | 'ARCHIVED' | 'STOCK_SET';

const OPTIMISTIC_ATTEMPTS = 5;

function productEvent(product: ProductDocument, change: Change) {
  return productUpdated.create({
    productId: product._id.toHexString(),
    sku: product.sku,
    change,
    status: product.status,
    price: product.price,
    categoryId: product.categoryId.toHexString(),
    ...(product.sellerId ? { sellerId: product.sellerId } : {}),
  });
}

export interface ProductAdminOptions {
  products: ProductModel;
  categories: CategoryModel;
  /** Told which products changed, to invalidate caches. */
  onChanged?: (productIds: string[]) => Promise<void>;
}

/**
 * Catalog management for ADMIN (any product) and SELLER (their own products only). Every
 * change and its `catalog.product.updated` event are one atomic write; bad input is
 * BAD_USER_INPUT and changes nothing.
 */
export class ProductAdminService {
  constructor(private readonly options: ProductAdminOptions) {}

  /** Creates an active product; a SELLER becomes its owner. Duplicate SKU is CONFLICT. */
  async create(identity: Identity | null, input: unknown): Promise<ProductDocument> {
    const user = requireRole(identity, 'ADMIN', 'SELLER');
    const values = parseInput(createProductInput, input, 'input');
    await this.requireCategory(values.categoryId);
    const now = new Date();
    const text = { name: values.name, description: values.description, tags: values.tags ?? [] };
    const product: ProductDocument = {
      _id: new Types.ObjectId(),
      sku: values.sku ?? `P-${randomBytes(5).toString('hex').toUpperCase()}`,
      ...text,
      nameEn: values.name,
      descriptionEn: values.description,
      price: values.price,
      images: values.images ?? [],
      categoryId: new Types.ObjectId(values.categoryId),
      status: 'ACTIVE',
      ...(hasRole(user, 'ADMIN') ? {} : { sellerId: user.userId }),
      stock: { onHand: values.stock, reserved: 0, available: values.stock },
      popularity: 0,
      createdAt: now,
      updatedAt: now,
    };
    product.outbox = [productEvent(product, 'CREATED')];
    try {
      await this.options.products.collection.insertOne(product);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new ConflictError(`SKU ${product.sku} is taken`);
      }
      throw error;
    }
    return this.changed(product._id);
  }

  /** Changes the given fields; name and description replace both languages. */
  async update(identity: Identity | null, id: string, input: unknown): Promise<ProductDocument> {
    await this.owned(identity, id);
    const values = parseInput(
      updateProductInput,
      withoutNulls(input as Record<string, unknown>),
      'input',
    );
    if (values.categoryId) await this.requireCategory(values.categoryId);
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt += 1) {
      const current = await this.owned(identity, id);
      const next = { ...current, ...this.fieldsOf(values) };
      const result = await this.options.products.updateOne(
        { _id: current._id, updatedAt: current.updatedAt },
        {
          $set: this.fieldsOf(values),
          $push: { outbox: productEvent(next, 'UPDATED') },
        },
      );
      if (result.modifiedCount === 1) return this.changed(current._id);
    }
    throw new ConflictError('The product changed while updating it; try again');
  }

  private fieldsOf(values: UpdateProductValues): Partial<ProductDocument> {
    const { name, description, categoryId, ...rest } = values;
    return {
      ...rest,
      ...(name !== undefined ? { name, nameEn: name } : {}),
      ...(description !== undefined ? { description, descriptionEn: description } : {}),
      ...(categoryId !== undefined ? { categoryId: new Types.ObjectId(categoryId) } : {}),
    };
  }

  /** Takes a product out of listings and sale; archiving again changes nothing. */
  async archive(identity: Identity | null, id: string): Promise<ProductDocument> {
    const product = await this.owned(identity, id);
    const archived = { ...product, status: 'ARCHIVED' as const };
    await this.options.products.updateOne(
      { _id: product._id, status: 'ACTIVE' },
      { $set: { status: 'ARCHIVED' }, $push: { outbox: productEvent(archived, 'ARCHIVED') } },
    );
    return this.changed(product._id);
  }

  /**
   * Sets on-hand units; units reserved by open orders stay reserved, so on-hand below them
   * is CONFLICT. Compare-and-set on the counts, so a concurrent reservation is never lost.
   */
  async setStock(
    identity: Identity | null,
    id: string,
    quantity: number,
  ): Promise<ProductDocument> {
    await this.owned(identity, id);
    const onHand = parseInput(stockQuantity, quantity, 'quantity');
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt += 1) {
      const { _id, stock } = await this.owned(identity, id);
      if (onHand < stock.reserved) {
        throw new ConflictError(`${stock.reserved} units are reserved by open orders`);
      }
      const result = await this.options.products.updateOne(
        { _id, 'stock.onHand': stock.onHand, 'stock.reserved': stock.reserved },
        {
          $set: { 'stock.onHand': onHand, 'stock.available': onHand - stock.reserved },
          $push: { outbox: stockEvent(_id, 'SET', { onHand, previousOnHand: stock.onHand }) },
        },
      );
      if (result.modifiedCount === 1 || stock.onHand === onHand) return this.changed(_id);
    }
    throw new ConflictError('Stock changed while setting it; try again');
  }

  /** The product, when the caller may manage it: ADMIN any, SELLER only their own. */
  private async owned(identity: Identity | null, id: string): Promise<ProductDocument> {
    const user = requireRole(identity, 'ADMIN', 'SELLER');
    if (!isObjectIdString(id)) throw new BadUserInputError('id is not a product id', 'id');
    const product = await this.options.products.findById(id, { outbox: 0 }).lean<ProductDocument>();
    if (!product) throw new NotFoundError('Product', id);
    if (!hasRole(user, 'ADMIN') && product.sellerId !== user.userId) {
      throw new ForbiddenError('You can only manage your own products');
    }
    return product;
  }

  private async requireCategory(categoryId: string): Promise<void> {
    if (!(await this.options.categories.exists({ _id: categoryId }))) {
      throw new BadUserInputError('categoryId names no category', 'input.categoryId');
    }
  }

  private async changed(id: Types.ObjectId): Promise<ProductDocument> {
    await this.options.onChanged?.([id.toHexString()]);
    const product = await this.options.products
      .findById(id, { holds: 0, outbox: 0 })
      .lean<ProductDocument>();
    if (!product) throw new NotFoundError('Product', id.toHexString());
    return product;
  }
}
