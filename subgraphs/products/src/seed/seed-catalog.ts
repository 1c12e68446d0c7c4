import type { Connection } from 'mongoose';
import { categoryModel } from '../category/category.model';
import { productModel } from '../product/product.model';
import { generateCatalog, type GeneratedProduct } from './catalog-generator';
import { CATEGORIES } from './catalog-vocabulary';

const BATCH = 2_000;

function isDuplicateOnly(error: unknown): error is { result?: { insertedCount?: number } } {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return (
    (error as { code?: number }).code === 11000 ||
    (list.length > 0 && list.every((item) => item.code === 11000))
  );
}

/**
 * Inserts the demo categories and `count` generated products. Idempotent: categories are
 * upserted by slug, and products are bulk-inserted unordered so SKUs that exist already
 * (the unique index refuses them) keep whatever stock or price changed since.
 */
export async function seedCatalog(
  connection: Connection,
  count: number,
): Promise<{ inserted: number }> {
  const categories = categoryModel(connection);
  const products = productModel(connection);
  await categories.bulkWrite(
    CATEGORIES.map((category) => ({
      updateOne: {
        filter: { slug: category.slug },
        update: { $setOnInsert: { slug: category.slug, name: category.ko, nameEn: category.en } },
        upsert: true,
      },
    })),
  );
  const categoryIds = new Map(
    (await categories.find().lean()).map((category) => [category.slug, category._id]),
  );
  if ((await products.estimatedDocumentCount()) >= count) return { inserted: 0 };

  let inserted = 0;
  const catalog = generateCatalog(count);
  const toDocument = ({ categorySlug, ...product }: GeneratedProduct) => ({
    ...product,
    categoryId: categoryIds.get(categorySlug),
    status: 'ACTIVE' as const,
    popularity: 0,
    updatedAt: product.createdAt,
  });
  for (let start = 0; start < catalog.length; start += BATCH) {
    const batch = catalog.slice(start, start + BATCH).map(toDocument);
    try {
      inserted += (await products.collection.insertMany(batch, { ordered: false })).insertedCount;
    } catch (error) {
      if (!isDuplicateOnly(error)) throw error;
      inserted += error.result?.insertedCount ?? 0;
    }
  }
  return { inserted };
}
