import DataLoader from 'dataloader';
import { createByIdLoader } from '@shop/mongo';
import type { ProductCache } from '../cache/product-cache';
import type { CategoryMemo } from '../category/category-memo';
import type { CategoryDocument, CategoryModel } from '../category/category.model';
import type { SearchIndex } from '../search/search-index';
import type { ProductDocument, ProductModel } from './product.model';

const PROJECTION = { holds: 0, outbox: 0 } as const;

/**
 * Per-request loaders: at most one query per batch of product or category ids. Products the
 * built read model holds need no round trip at all; with a cache, products found in Redis skip
 * the database; the rest are fetched in one `$in` query. Without a read model or cache (the
 * internal lookup that prices carts), every product is read live from MongoDB.
 */
export function createProductLoaders(
  products: ProductModel,
  categories: CategoryModel,
  cache?: ProductCache,
  readModel?: SearchIndex,
  categoryMemo?: CategoryMemo,
) {
  const fromDatabase = createByIdLoader((ids) =>
    products.find({ _id: { $in: ids } }, PROJECTION).lean<ProductDocument[]>(),
  );
  const fromStore = cache?.enabled
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
  const productById = readModel
    ? new DataLoader<string, ProductDocument | null>(async (keys) => {
        if (!readModel.isReady) readModel.warm();
        const held = keys.map((key) => readModel.entry(key)?.product);
        const missing = keys.filter((_, index) => !held[index]);
        const loaded = missing.length ? await fromStore.loadMany(missing) : [];
        const byId = new Map(missing.map((key, index) => [key, loaded[index]]));
        return keys.map((key, index) => {
          const row = held[index] ?? byId.get(key);
          return row && !(row instanceof Error) ? row : null;
        });
      })
    : fromStore;
  const categoryById = createByIdLoader(async (ids) => {
    const remembered = ids.map((id) => categoryMemo?.get(id.toHexString()));
    const missing = ids.filter((_, index) => !remembered[index]);
    const found = missing.length
      ? await categories.find({ _id: { $in: missing } }).lean<CategoryDocument[]>()
      : [];
    categoryMemo?.remember(found);
    return [...remembered.filter((row): row is CategoryDocument => !!row), ...found];
  });
  return {
    productById,
    categoryById,
    /**
     * A product's category: at once when remembered (no promise per product of a page, which
     * GraphQL execution pays for), else through the loader.
     */
    categoryOf: (id: string): CategoryDocument | Promise<CategoryDocument | null> =>
      categoryMemo?.get(id) ?? categoryById.load(id),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
