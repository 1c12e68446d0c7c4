import { join } from 'node:path';
import {
  createSubgraph,
  type BackgroundTask,
  type Subgraph,
  type SubgraphRuntime,
} from '@shop/service';
import type { ProductsConfig } from './config';
import type { ProductsContext } from './context';
import { categoryModel } from './category/category.model';
import { CategoryService } from './category/category.service';
import { catalogEventRelay } from './events/catalog-event-relay';
import { IntervalTask } from '@shop/service';
import { InventoryService } from './inventory/inventory.service';
import { inventoryInternalRoutes } from './inventory/inventory.internal';
import { reservationModel } from './inventory/reservation.model';
import { ReservationSweeper } from './inventory/reservation-sweeper';
import { createProductLoaders } from './product/product.loaders';
import { productModel, type ProductDocument, type ProductModel } from './product/product.model';
import { ProductCache } from './cache/product-cache';
import { orderEventsWorker } from './popularity/order-events.worker';
import { PopularityService } from './popularity/popularity.service';
import { salesBucketModel } from './popularity/sales.model';
import { ProductAdminService } from './product/product-admin.service';
import { relatedProducts } from './product/related-products';
import { ProductSearch } from './search/product-search';
import { SearchIndex } from './search/search-index';
import { CatalogChanges } from './cache/catalog-changes';
import { productInternalRoutes } from './product/product.internal';
import { ProductService } from './product/product.service';
import { resolvers } from './resolvers';

/** Redis-side read model: the cache and the change channel the search indexes follow. */
function readModel(config: ProductsConfig, runtime: SubgraphRuntime, products: ProductModel) {
  const keyPrefix = `${config.dbName}:`;
  const cache = new ProductCache(
    runtime.redis,
    `${keyPrefix}cache:`,
    config.PRODUCTS_CACHE_TTL_SECONDS,
  );
  const changes = new CatalogChanges(runtime.redis, `${keyPrefix}catalog-changes`, cache);
  const searchIndex = new SearchIndex(products, changes.channel, runtime.logger);
  return { keyPrefix, cache, searchIndex, invalidate: (ids: string[]) => changes.publish(ids) };
}

/** The services of one process, built once from its config and connections. */
export function buildServices(config: ProductsConfig, runtime: SubgraphRuntime) {
  const products = productModel(runtime.mongo);
  const categories = categoryModel(runtime.mongo);
  const reservations = reservationModel(runtime.mongo);
  const { keyPrefix, cache, searchIndex, invalidate } = readModel(config, runtime, products);
  const inventory = new InventoryService({
    products,
    reservations,
    defaultTtlSeconds: config.RESERVATION_TTL_SECONDS,
    onStockChanged: invalidate,
  });
  const search = new ProductSearch(searchIndex, products, config.IN_STOCK_THRESHOLD);
  const popularity = new PopularityService({
    products,
    sales: salesBucketModel(runtime.mongo),
    redis: runtime.redis,
    keyPrefix,
    refreshMs: config.POPULARITY_REFRESH_MS,
    onRefreshed: invalidate,
  });
  return {
    models: { products, categories, reservations },
    cache,
    searchIndex,
    inventory,
    sweeper: new ReservationSweeper(inventory, reservations, products),
    search,
    popularity,
    products: new ProductService(products, search, config.IN_STOCK_THRESHOLD, cache),
    productAdmin: new ProductAdminService({ products, categories, onChanged: invalidate }),
    categories: new CategoryService(categories),
  };
}

export type ProductsServices = ReturnType<typeof buildServices>;

function backgroundTasks(
  config: ProductsConfig,
  runtime: SubgraphRuntime,
  services: ProductsServices,
): BackgroundTask[] {
  const index: BackgroundTask = {
    start: () => {
      services.searchIndex.subscribe(runtime.redis).catch((err: unknown) => {
        runtime.logger.error({ err }, 'search index subscription failed');
      });
    },
    stop: () => services.searchIndex.close(),
  };
  if (config.PRODUCTS_BACKGROUND_TASKS === 'off') return [index];
  return [
    index,
    new IntervalTask(
      'search-rebuild',
      config.SEARCH_REBUILD_MS,
      () => services.searchIndex.resync(),
      runtime.logger,
    ),
    catalogEventRelay({
      products: services.models.products,
      redisUrl: config.REDIS_URL,
      queuePrefix: config.PRODUCTS_QUEUE_PREFIX,
      consumers: config.CATALOG_EVENT_CONSUMERS,
      logger: runtime.logger,
    }),
    orderEventsWorker({
      redisUrl: config.REDIS_URL,
      prefix: config.PRODUCTS_QUEUE_PREFIX,
      redis: runtime.redis,
      popularity: services.popularity,
      logger: runtime.logger,
    }),
    new IntervalTask(
      'popularity-refresh',
      config.POPULARITY_REFRESH_MS,
      () => services.popularity.refresh(),
      runtime.logger,
    ),
    new IntervalTask(
      'reservation-sweeper',
      config.RESERVATION_SWEEP_INTERVAL_MS,
      () => services.sweeper.sweep(),
      runtime.logger,
    ),
  ];
}

/** Builds the products subgraph: its database, services and GraphQL endpoint, not yet listening. */
export async function createProductsSubgraph(
  config: ProductsConfig,
): Promise<Subgraph & { services: ProductsServices }> {
  let services: ProductsServices | undefined;
  const servicesOf = (runtime: SubgraphRuntime) => (services ??= buildServices(config, runtime));
  const subgraph = await createSubgraph<ProductsContext>({
    name: 'products',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: (connection) => {
      productModel(connection);
      categoryModel(connection);
      reservationModel(connection);
      salesBucketModel(connection);
    },
    internalRoutes: (runtime) => {
      const { models, inventory } = servicesOf(runtime);
      return [
        ...productInternalRoutes(models.products, models.categories, config.IN_STOCK_THRESHOLD),
        ...inventoryInternalRoutes(inventory),
      ];
    },
    backgroundTasks: (runtime) => backgroundTasks(config, runtime, servicesOf(runtime)),
    contextFactory: (runtime) => {
      const built = servicesOf(runtime);
      const { products, categories } = built.models;
      const related = (product: ProductDocument, limit: number) =>
        relatedProducts(products, product, limit);
      return (base) => ({
        ...base,
        loaders: createProductLoaders(products, categories, built.cache),
        products: built.products,
        productAdmin: built.productAdmin,
        search: built.search,
        popularity: built.popularity,
        categories: built.categories,
        related,
        inStockThreshold: config.IN_STOCK_THRESHOLD,
      });
    },
  });
  return Object.assign(subgraph, { services: servicesOf(subgraph.runtime) });
}

export { loadProductsConfig, type ProductsConfig } from './config';
export { seedCatalog } from './seed/seed-catalog';
