import { DelayedError, Worker, type Queue } from 'bullmq';
import {
  ORDER_TIMEOUT_QUEUE,
  createQueue,
  orderTimeoutJobId,
  orderTimeoutJobSchema,
  type OrderTimeoutJob,
  type QueueConnection,
} from '@shop/jobs';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import type { OrderCancellationService } from './order-cancellation.service';

/**
 * One delayed BullMQ job per unpaid order, due at its `payBy` (job id from the order id, so
 * scheduling twice adds one job); when it fires it cancels the order if it is still unpaid.
 */
export class OrderTimeoutScheduler {
  private readonly queue: Queue<OrderTimeoutJob>;

  constructor(connection: QueueConnection) {
    this.queue = createQueue<OrderTimeoutJob>(ORDER_TIMEOUT_QUEUE, connection);
  }

  /** Schedules the order's timeout; the sweeper covers an order whose job could not be added. */
  async schedule(orderId: string, payBy: Date): Promise<void> {
    await this.queue.add(
      'payment-timeout',
      { orderId },
      {
        jobId: orderTimeoutJobId(orderId),
        delay: Math.max(0, payBy.getTime() - Date.now()),
        removeOnComplete: { age: 24 * 3_600 },
      },
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/** The orders process's consumer of the timeout queue, and the sweeper behind it. */
export function orderTimeoutTasks(options: {
  scheduler: OrderTimeoutScheduler;
  cancellation: OrderCancellationService;
  connection: QueueConnection;
  sweepIntervalMs: number;
  logger: Logger;
}): BackgroundTask[] {
  let worker: Worker | undefined;
  let redis: Redis | undefined;
  const consumer: BackgroundTask = {
    name: 'order-timeouts',
    start() {
      redis = createRedis(options.connection.redisUrl, { forQueues: true });
      worker = new Worker(
        ORDER_TIMEOUT_QUEUE,
        async (job, token) => {
          const outcome = await options.cancellation.timeOut(
            orderTimeoutJobSchema.parse(job.data).orderId,
          );
          if (outcome.kind !== 'not-due' || !token) return outcome.kind;
          // Fired a moment early (clocks of Redis and this process differ): wait for payBy.
          await job.moveToDelayed(outcome.dueAt.getTime(), token);
          throw new DelayedError();
        },
        { connection: redis, prefix: options.connection.prefix ?? 'shop', concurrency: 4 },
      );
      worker.on('error', (err) =>
        options.logger.error({ err: err.message }, 'timeout worker error'),
      );
    },
    async stop() {
      await worker?.close();
      await redis?.quit().catch(() => undefined);
      await options.scheduler.close();
    },
  };
  const sweeper = new IntervalTask(
    'order-timeout-sweeper',
    options.sweepIntervalMs,
    () => options.cancellation.sweep(),
    options.logger,
  );
  return [consumer, sweeper];
}
