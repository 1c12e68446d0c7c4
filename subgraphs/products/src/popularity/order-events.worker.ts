import { UnrecoverableError, Worker } from 'bullmq';
import { ORDER_PAID_EVENT, orderPaidPayload } from '@shop/contracts';
import { eventQueueName, type EventJob } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import { processOnce } from '@shop/outbox';
import { createRedis, type Redis } from '@shop/redis';
import type { BackgroundTask } from '@shop/service';
import type { PopularityService } from './popularity.service';

/** The consumer name processOnce remembers events under. */
export const POPULARITY_CONSUMER = 'catalog-popularity';

/**
 * Handles one event of the catalog's queue: a paid order adds its units to the sales buckets,
 * once per event id however often it is delivered; other event types are ignored.
 */
export async function handleCatalogEvent(
  event: EventJob,
  redis: Redis,
  popularity: PopularityService,
): Promise<boolean> {
  if (event.type !== ORDER_PAID_EVENT) return false;
  const payload = orderPaidPayload.safeParse(event.payload);
  if (!payload.success) {
    throw new UnrecoverableError(`malformed ${event.type} event ${event.id}`);
  }
  return processOnce(redis, POPULARITY_CONSUMER, event.id, () =>
    popularity.recordSale(event.id, payload.data, new Date(event.occurredAt)),
  );
}

/** The BullMQ worker of `events.catalog`, started and stopped with the subgraph. */
export function orderEventsWorker(options: {
  redisUrl: string;
  prefix: string;
  redis: Redis;
  popularity: PopularityService;
  logger: Logger;
}): BackgroundTask {
  let worker: Worker<EventJob> | undefined;
  return {
    start() {
      worker = new Worker<EventJob>(
        eventQueueName('catalog'),
        (job) => handleCatalogEvent(job.data, options.redis, options.popularity),
        {
          connection: createRedis(options.redisUrl, { forQueues: true }),
          prefix: options.prefix,
          concurrency: 4,
        },
      );
      worker.on('failed', (job, err) =>
        options.logger.warn({ err, jobId: job?.id }, 'catalog event failed'),
      );
    },
    async stop() {
      const client = await worker?.client;
      await worker?.close();
      await client?.quit().catch(() => undefined);
    },
  };
}
