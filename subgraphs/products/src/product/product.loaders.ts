import DataLoader from 'dataloader';
import { createByIdLoader } from '@shop/mongo';
import type { ProductCache } from '../cache/product-cache';
import type { CategoryDocument, CategoryModel } from '../category/category.model';
import type { ProductDocument, ProductModel } from './product.model';

const PROJECTION = { holds: 0, outbox: 0 } as const;

/**
 * Per-request loaders: one query per batch of product or category ids. With a cache, products
 * found in Redis skip the database and the rest are fetched in one `$in` query.
 */
export function createProductLoaders(
  products: ProductModel,
  categories: CategoryModel,
  cache?: ProductCache,
) {
  const fromDatabase = createByIdLoader((ids) =>
    products.find({ _id: { $in: ids } }, PROJECTION).lean<ProductDocument[]>(),
  );
  const productById = cache?.enabled
    ? new DataLoader<string, ProductDocument | null>(async (keys) => {
        const cached = await cache.getProducts(keys);
        const missing = keys.filter((_, index) => !cached[index]);
        const loaded = await fromDatabase.loadMany(missing);
        const found = loaded.filter(
          (row): row is ProductDocument => !!row && !(row instanceof Error),
        );
        await cache.setProducts(found);
        const byId = new Map(found.map((row) => [row._id.toHexString(), row]));
        return keys.map((key, index) => cached[index] ?? byId.get(key) ?? null);
      })
    : fromDatabase;
  return {
    productById,
    categoryById: createByIdLoader((ids) =>
      categories.find({ _id: { $in: ids } }).lean<CategoryDocument[]>(),
    ),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
