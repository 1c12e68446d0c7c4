import { orderPaid } from '@shop/contracts';
import { eventWorker, on } from '@shop/events';
import type { BackgroundTask } from '@shop/lifecycle';
import type { SubgraphRuntime } from '@shop/service';
import type { PopularityService } from './popularity.service';

/** The consumer name the catalog's queue is named after (`events.catalog`). */
export const CATALOG_CONSUMER = 'catalog';

/**
 * The catalog's event consumer: a paid order adds its units to the sales buckets popular
 * products are ranked from, once per event however often it is delivered.
 */
export function popularityConsumer(
  runtime: SubgraphRuntime,
  popularity: PopularityService,
): BackgroundTask {
  return eventWorker({
    consumer: CATALOG_CONSUMER,
    connection: runtime.queues,
    redis: runtime.redis,
    logger: runtime.logger,
    handlers: [
      on(orderPaid, (sale, event) => popularity.recordSale(event.id, sale, event.occurredAt)),
    ],
  });
}
