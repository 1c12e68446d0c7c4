import { orderPaid } from '@shop/contracts';
import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import type { BackgroundTask } from '@shop/lifecycle';
import type { OrdersParts } from './services';

/**
 * Order events leave the orders' outbox for their consumers: paid orders for the catalog
 * (popular products), every event for analytics.
 */
export function ordersBackgroundTasks({ config, runtime, models }: OrdersParts): BackgroundTask[] {
  return [
    new OutboxRelay({
      name: 'orders',
      sources: [mongoOutboxSource(models.orders)],
      dispatchers: eventQueues(
        [{ consumer: 'catalog', events: [orderPaid] }, { consumer: 'analytics' }],
        runtime.queues,
      ),
      logger: runtime.logger,
      intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
    }),
  ];
}
