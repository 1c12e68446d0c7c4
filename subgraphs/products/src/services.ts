import type { SubgraphFoundation, SubgraphParts } from '@shop/service';
import { CatalogChanges } from './cache/catalog-changes';
import { ProductCache } from './cache/product-cache';
import { CatalogOrderings } from './catalog/catalog-orderings';
import type { CatalogListing } from './catalog/catalog-listing';
import { FilteredOrderings } from './catalog/filtered-orderings';
import { MemoryCatalogListing } from './catalog/memory-catalog-listing';
import { MongoCatalogListing } from './catalog/mongo-catalog-listing';
import { CategoryMemo } from './category/category-memo';
import { CategoryService } from './category/category.service';
import type { ProductsConfig } from './config';
import { InventoryService } from './inventory/inventory.service';
import { ReservationSweeper } from './inventory/reservation-sweeper';
import type { ProductsModels } from './models';
import { PopularityService } from './popularity/popularity.service';
import { ProductAdminService } from './product/product-admin.service';
import { ProductService } from './product/product.service';
import { RelatedProducts } from './product/related-products';
import { ProductSearch } from './search/product-search';
import { SearchIndex, type BulkReads } from './search/search-index';
import { productModel } from './product/product.model';
import { connectMongo } from '@shop/mongo';
import type { Connection } from 'mongoose';

/**
 * The catalog's read model beside MongoDB: the Redis cache, the change channel every process
 * announces product changes on, and this process's search index that follows it, with the
 * listing's sorted orderings kept beside it. A change this process made is applied to its own
 * read model before the write returns, so its next read sees it; other processes follow the
 * channel a moment later.
 */
function readModel({
  config,
  runtime,
  models,
}: SubgraphFoundation<ProductsConfig, ProductsModels>) {
  const keyPrefix = `${config.dbName}:`;
  const cache = new ProductCache(
    runtime.redis,
    `${keyPrefix}cache:`,
    config.PRODUCTS_CACHE_TTL_SECONDS,
  );
  const changes = new CatalogChanges(runtime.redis, `${keyPrefix}catalog-changes`, cache);
  const searchIndex = new SearchIndex(
    models.products,
    changes.channel,
    runtime.logger,
    bulkReads(config),
  );
  const orderings = new CatalogOrderings();
  searchIndex.observe(orderings);
  const invalidate = async (ids: string[]) => {
    await changes.publish(ids);
    await searchIndex.refreshIfBuilt(ids);
  };
  return { keyPrefix, cache, searchIndex, orderings, invalidate };
}

/** Whole-catalog reads of the read model's build: two connections, a minute per round trip. */
function bulkReads(config: ProductsConfig): BulkReads {
  let connection: Promise<Connection> | undefined;
  return {
    async model() {
      connection ??= connectMongo({
        uri: config.MONGODB_URI,
        dbName: config.dbName,
        maxPoolSize: 2,
        timeoutMs: 60_000,
      }).catch((error: unknown) => {
        connection = undefined;
        throw error;
      });
      return productModel(await connection);
    },
    async close() {
      await (await connection?.catch(() => undefined))?.close();
    },
  };
}

/** Listing pages from the read model (`PRODUCTS_LISTING=memory`) or from MongoDB. */
function catalogListing(
  { config, models }: SubgraphFoundation<ProductsConfig, ProductsModels>,
  { cache, searchIndex, orderings }: ReturnType<typeof readModel>,
): CatalogListing {
  const mongo = new MongoCatalogListing(models.products, config.IN_STOCK_THRESHOLD, cache);
  if (config.PRODUCTS_LISTING === 'mongo') return mongo;
  const filtered = new FilteredOrderings(orderings, config.IN_STOCK_THRESHOLD);
  searchIndex.observe(filtered);
  return new MemoryCatalogListing(searchIndex, orderings, filtered, mongo);
}

/** The catalog's process-wide services, built once from config, connections and models. */
export function createProductsServices(
  foundation: SubgraphFoundation<ProductsConfig, ProductsModels>,
) {
  const { config, runtime, models } = foundation;
  const model = readModel(foundation);
  const { keyPrefix, cache, searchIndex, orderings, invalidate } = model;
  const inventory = new InventoryService({
    products: models.products,
    reservations: models.reservations,
    defaultTtlSeconds: config.RESERVATION_TTL_SECONDS,
    onStockChanged: invalidate,
  });
  const search = new ProductSearch(searchIndex, config.IN_STOCK_THRESHOLD);
  return {
    cache,
    searchIndex,
    orderings,
    inventory,
    sweeper: new ReservationSweeper(inventory, models.reservations, models.products),
    search,
    popularity: new PopularityService({
      products: models.products,
      sales: models.sales,
      redis: runtime.redis,
      keyPrefix,
      refreshMs: config.POPULARITY_REFRESH_MS,
      onRefreshed: invalidate,
    }),
    products: new ProductService(catalogListing(foundation, model), search),
    productAdmin: new ProductAdminService({
      products: models.products,
      categories: models.categories,
      onChanged: invalidate,
    }),
    categories: new CategoryService(models.categories),
    categoryMemo: new CategoryMemo(),
    related: new RelatedProducts(searchIndex, orderings),
  };
}

export type ProductsServices = ReturnType<typeof createProductsServices>;
export type ProductsParts = SubgraphParts<ProductsConfig, ProductsModels, ProductsServices>;
