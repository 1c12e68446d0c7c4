import type { Connection } from 'mongoose';
import type { BaseEnv } from '@shop/config';
import type { QueueConnection } from '@shop/jobs';
import { createLogger, type Logger } from '@shop/logger';
import { connectMongo, isMongoReachable, syncAllIndexes } from '@shop/mongo';
import { createRedis, isRedisReachable, type Redis } from '@shop/redis';
import { createMetrics, type ServiceMetrics } from './metrics';

export interface SubgraphRuntimeOptions {
  name: string;
  config: BaseEnv & { dbName: string };
  /** Registers the subgraph's mongoose models on the connection, before indexes are synced. */
  registerModels: (connection: Connection) => void;
}

/** The connections and instruments a subgraph process holds for its lifetime. */
export interface SubgraphRuntime {
  logger: Logger;
  metrics: ServiceMetrics;
  mongo: Connection;
  redis: Redis;
  /** Where this process's BullMQ queues live: the Redis URL and the one `QUEUE_PREFIX`. */
  queues: QueueConnection;
  readiness(): Promise<Record<string, boolean>>;
  close(): Promise<void>;
}

/**
 * Opens the subgraph's own database and its Redis connection, builds declared indexes and
 * returns the readiness checks `/ready` reports.
 */
export async function openSubgraphRuntime({
  name,
  config,
  registerModels,
}: SubgraphRuntimeOptions): Promise<SubgraphRuntime> {
  const logger = createLogger(name, config.LOG_LEVEL);
  const mongo = await connectMongo({ uri: config.MONGODB_URI, dbName: config.dbName });
  registerModels(mongo);
  await syncAllIndexes(mongo);
  const redis = createRedis(config.REDIS_URL, {
    onError: (err) => logger.warn({ err: err.message }, 'redis connection error'),
  });
  return {
    logger,
    metrics: createMetrics(name),
    mongo,
    redis,
    queues: { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX },
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
