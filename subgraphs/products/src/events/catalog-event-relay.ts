import { createQueue, eventQueueName, publishEvent, type EventJob } from '@shop/jobs';
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
    dispatch: (event) => publishEvent(queues, event),
  });
  return {
    relay,
    start: () => relay.start(),
    async stop() {
      await relay.stop();
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}
