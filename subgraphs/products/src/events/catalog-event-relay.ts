import { createQueue, eventQueueName, type EventJob } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import { OutboxRelay, mongoOutboxSource } from '@shop/outbox';
import type { BackgroundTask } from '@shop/service';
import type { ProductModel } from '../product/product.model';

export interface CatalogEventRelayOptions {
  products: ProductModel;
  redisUrl: string;
  queuePrefix: string;
  /** Consumer names; each gets every event in its queue `events.<name>`. */
  consumers: string[];
  logger: Logger;
  intervalMs?: number;
}

/** Closes a queue and the connection `createQueue` opened for it (BullMQ leaves it open). */
export async function closeQueue(queue: ReturnType<typeof createQueue>): Promise<void> {
  const client = await queue.client;
  await queue.close();
  await client.quit().catch(() => undefined);
}

/**
 * Delivers the products' outbox (`catalog.product.updated`, `catalog.stock.changed`) to the
 * consumers' event queues, at least once; the job id is the event id, so BullMQ drops a
 * repeated delivery.
 */
export function catalogEventRelay(options: CatalogEventRelayOptions): BackgroundTask & {
  relay: OutboxRelay;
} {
  const queues = options.consumers.map((consumer) =>
    createQueue<EventJob>(eventQueueName(consumer), {
      redisUrl: options.redisUrl,
      prefix: options.queuePrefix,
    }),
  );
  const relay = new OutboxRelay({
    sources: [mongoOutboxSource(options.products)],
    logger: options.logger,
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    dispatch: async (event) => {
      const job: EventJob = { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
      await Promise.all(queues.map((queue) => queue.add(event.type, job, { jobId: event.id })));
    },
  });
  return {
    relay,
    start: () => relay.start(),
    async stop() {
      await relay.stop();
      await Promise.all(queues.map(closeQueue));
    },
  };
}
