import { Redis, type RedisOptions } from 'ioredis';

export { Redis };

/**
 * A Redis client for commands. BullMQ needs `maxRetriesPerRequest: null` on its own
 * connections; pass `{ forQueues: true }` for those.
 */
export function createRedis(url: string, { forQueues = false } = {}): Redis {
  const options: RedisOptions = {
    lazyConnect: false,
    enableReadyCheck: true,
    maxRetriesPerRequest: forQueues ? null : 3,
  };
  return new Redis(url, options);
}

/** True when Redis answers PING within a second; used by `/ready`. */
export async function isRedisReachable(redis: Redis): Promise<boolean> {
  try {
    const reply = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000)),
    ]);
    return reply === 'PONG';
  } catch {
    return false;
  }
}
