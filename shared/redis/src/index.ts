import { Redis, type RedisOptions } from 'ioredis';

export { Redis };

export interface CreateRedisOptions {
  /** BullMQ needs `maxRetriesPerRequest: null` on its connections. @defaultValue false */
  forQueues?: boolean;
  /**
   * Connection errors; ioredis reconnects on its own, and `/ready` reports the outage, so they
   * are logged rather than thrown.
   */
  onError?: (error: Error) => void;
}

/** A Redis client that reconnects with backoff after connection loss. */
export function createRedis(
  url: string,
  { forQueues = false, onError = () => {} }: CreateRedisOptions = {},
): Redis {
  const options: RedisOptions = {
    lazyConnect: false,
    enableReadyCheck: true,
    maxRetriesPerRequest: forQueues ? null : 3,
  };
  const client = new Redis(url, options);
  client.on('error', onError);
  return client;
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
