import { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const productsConfigSchema = subgraphEnvSchema('products', 4002).and(
  z.object({
    /** Available units at or above which a product is IN_STOCK (LOW_STOCK below, SOLD_OUT at 0). */
    IN_STOCK_THRESHOLD: z.coerce.number().int().min(2).default(10),
    /** How long a stock reservation holds units when the caller names no expiry. */
    RESERVATION_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** How often the sweeper releases expired reservations. */
    RESERVATION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
    /** Lifetime of cached product reads and first listing pages in Redis; 0 turns caching off. */
    PRODUCTS_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
    /** How often popularity (units sold over the last 3 days) is recomputed, at most. */
    POPULARITY_REFRESH_MS: z.coerce.number().int().min(100).default(60_000),
    /** How often each process rebuilds its search index from MongoDB, healing missed changes. */
    SEARCH_REBUILD_MS: z.coerce.number().int().min(1_000).default(300_000),
    /** Consumers whose event queues (`events.<name>`) receive catalog and stock events. */
    CATALOG_EVENT_CONSUMERS: z
      .string()
      .default('analytics')
      .transform((value) =>
        value
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    /**
     * Where listing pages come from: `memory`, the in-process read model the search index keeps
     * (no database round trip per page), or `mongo`, a MongoDB query per page (first pages cached
     * in Redis), for deployments that prefer not to hold the catalog in every process.
     */
    PRODUCTS_LISTING: z.enum(['memory', 'mongo']).default('memory'),
    /** Turns the outbox relay, sweeper and event consumer off (one-off scripts, benchmarks). */
    PRODUCTS_BACKGROUND_TASKS: z.enum(['on', 'off']).default('on'),
  }),
);

export type ProductsConfig = z.infer<typeof productsConfigSchema>;

export function loadProductsConfig(env: NodeJS.ProcessEnv = process.env): ProductsConfig {
  return loadConfig(productsConfigSchema, env);
}
