import type { SubgraphFoundation, SubgraphParts } from '@shop/service';
import { CatalogChanges } from './cache/catalog-changes';
import { ProductCache } from './cache/product-cache';
import { CategoryService } from './category/category.service';
import type { ProductsConfig } from './config';
import { InventoryService } from './inventory/inventory.service';
import { ReservationSweeper } from './inventory/reservation-sweeper';
import type { ProductsModels } from './models';
import { PopularityService } from './popularity/popularity.service';
import { ProductAdminService } from './product/product-admin.service';
import { ProductService } from './product/product.service';
import { ProductSearch } from './search/product-search';
import { SearchIndex } from './search/search-index';

/**
 * The catalog's read model beside MongoDB: the Redis cache, the change channel every process
 * announces product changes on, and this process's search index that follows it.
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
  const searchIndex = new SearchIndex(models.products, changes.channel, runtime.logger);
  return { keyPrefix, cache, searchIndex, invalidate: (ids: string[]) => changes.publish(ids) };
}

/** The catalog's process-wide services, built once from config, connections and models. */
export function createProductsServices(
  foundation: SubgraphFoundation<ProductsConfig, ProductsModels>,
) {
  const { config, runtime, models } = foundation;
  const { keyPrefix, cache, searchIndex, invalidate } = readModel(foundation);
  const inventory = new InventoryService({
    products: models.products,
    reservations: models.reservations,
    defaultTtlSeconds: config.RESERVATION_TTL_SECONDS,
    onStockChanged: invalidate,
  });
  const search = new ProductSearch(searchIndex, models.products, config.IN_STOCK_THRESHOLD);
  return {
    cache,
    searchIndex,
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
    products: new ProductService(models.products, search, config.IN_STOCK_THRESHOLD, cache),
    productAdmin: new ProductAdminService({
      products: models.products,
      categories: models.categories,
      onChanged: invalidate,
    }),
    categories: new CategoryService(models.categories),
  };
}

export type ProductsServices = ReturnType<typeof createProductsServices>;
export type ProductsParts = SubgraphParts<ProductsConfig, ProductsModels, ProductsServices>;
