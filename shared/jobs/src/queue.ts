import { Queue, type DefaultJobOptions, type QueueOptions } from 'bullmq';
import { createRedis } from '@shop/redis';

export interface QueueConnection {
  redisUrl: string;
  /** BullMQ key prefix; tests give each file its own. @defaultValue 'shop' */
  prefix?: string;
}

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, 8 s) over 5 attempts; finished jobs are kept a
 * day (and failed ones a week) so operators can inspect them and so a job id seen again in that
 * window is recognised as a duplicate.
 */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};

/**
 * A BullMQ queue with the platform's defaults and its own Redis connection, which `close()`
 * also closes (BullMQ leaves a connection it was handed open, as it may be shared).
 *
 * The queue re-emits its connection's errors as `error` events; an EventEmitter with no listener
 * throws them, which would take the process down when Redis drops a connection that ioredis is
 * about to re-open. They are ignored here: a failed `add()` still rejects to its caller, which
 * logs or retries it.
 */
export function createQueue<TData>(
  name: string,
  { redisUrl, prefix = 'shop' }: QueueConnection,
): Queue<TData> {
  const connection = createRedis(redisUrl, { forQueues: true });
  const options: QueueOptions = { connection, prefix, defaultJobOptions };
  const queue = new Queue<TData>(name, options);
  queue.on('error', () => undefined);
  const closeQueue = queue.close.bind(queue);
  queue.close = async () => {
    await closeQueue();
    await connection.quit().catch(() => undefined);
  };
  return queue;
}
