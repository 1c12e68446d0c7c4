import type { Connection } from 'mongoose';
import { createLogger, type Logger } from '@shop/logger';
import { connectMongo, isMongoReachable, syncAllIndexes } from '@shop/mongo';
import { createRedis, isRedisReachable, type Redis } from '@shop/redis';
import { createMetrics, type ServiceMetrics } from './metrics';

export interface SubgraphRuntimeOptions {
  name: string;
  mongoUri: string;
  dbName: string;
  redisUrl: string;
  logLevel: string;
  /** Registers the subgraph's mongoose models on the connection, before indexes are synced. */
  registerModels: (connection: Connection) => void;
}

/** The connections and instruments a subgraph process holds for its lifetime. */
export interface SubgraphRuntime {
  logger: Logger;
  metrics: ServiceMetrics;
  mongo: Connection;
  redis: Redis;
  readiness(): Promise<Record<string, boolean>>;
  close(): Promise<void>;
}

/**
 * Opens the subgraph's own database and its Redis connection, builds declared indexes and
 * returns the readiness checks `/ready` reports.
 */
export async function openSubgraphRuntime(
  options: SubgraphRuntimeOptions,
): Promise<SubgraphRuntime> {
  const logger = createLogger(options.name, options.logLevel);
  const mongo = await connectMongo({ uri: options.mongoUri, dbName: options.dbName });
  options.registerModels(mongo);
  await syncAllIndexes(mongo);
  const redis = createRedis(options.redisUrl, {
    onError: (err) => logger.warn({ err: err.message }, 'redis connection error'),
  });
  return {
    logger,
    metrics: createMetrics(options.name),
    mongo,
    redis,
    async readiness() {
      const [mongoReady, redisReady] = await Promise.all([
        isMongoReachable(mongo),
        isRedisReachable(redis),
      ]);
      return { mongo: mongoReady, redis: redisReady };
    },
    async close() {
      await Promise.allSettled([mongo.close(), redis.quit()]);
    },
  };
}
