import type { Connection } from 'mongoose';
import { categoryModel } from '../category/category.model';
import { productModel } from '../product/product.model';
import { generateCatalog } from './catalog-generator';
import { CATEGORIES } from './catalog-vocabulary';

const BATCH = 1_000;

/**
 * Inserts the demo categories and `count` generated products. Idempotent: upserts by slug and
 * sku with `$setOnInsert`, so a re-run adds what is missing and never overwrites stock or
 * prices that changed since.
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
  for (let start = 0; start < catalog.length; start += BATCH) {
    const result = await products.bulkWrite(
      catalog.slice(start, start + BATCH).map(({ categorySlug, ...product }) => ({
        updateOne: {
          filter: { sku: product.sku },
          update: {
            $setOnInsert: {
              ...product,
              categoryId: categoryIds.get(categorySlug),
              status: 'ACTIVE',
              updatedAt: product.createdAt,
            },
          },
          upsert: true,
          timestamps: false,
        },
      })),
      { ordered: false },
    );
    inserted += result.upsertedCount;
  }
  return { inserted };
}
