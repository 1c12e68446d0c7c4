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
  /**
   * Deadline of each command on a non-queue client: a Redis that stops answering fails the
   * command ("Command timed out", answered SERVICE_UNAVAILABLE) instead of holding the request.
   * Queue clients have none, since BullMQ blocks on purpose. @defaultValue 1_000
   */
  commandTimeoutMs?: number;
}

/**
 * A Redis client that reconnects with backoff after connection loss, gives up connecting after
 * two seconds per attempt and (unless for queues) fails commands that take longer than
 * `commandTimeoutMs`.
 */
export function createRedis(
  url: string,
  { forQueues = false, onError = () => {}, commandTimeoutMs = 1_000 }: CreateRedisOptions = {},
): Redis {
  const options: RedisOptions = {
    lazyConnect: false,
    enableReadyCheck: true,
    maxRetriesPerRequest: forQueues ? null : 3,
    connectTimeout: 2_000,
    ...(forQueues ? {} : { commandTimeout: commandTimeoutMs }),
  };
  const client = new Redis(url, options);
  client.on('error', onError);
  return client;
}

/** True when Redis answers PING within a second; used by `/ready`. */
export async function isRedisReachable(redis: Redis): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 1_000);
      }),
    ]);
    return reply === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
