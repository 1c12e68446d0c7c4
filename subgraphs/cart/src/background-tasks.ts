import { OutboxRelay, eventQueues } from '@shop/events';
import type { BackgroundTask } from '@shop/lifecycle';
import type { CartParts } from './services';

/** Cart events (`cart.item.added`) go from the Redis outbox to the analytics queue. */
export function cartBackgroundTasks({ config, runtime, services }: CartParts): BackgroundTask[] {
  return [
    new OutboxRelay({
      name: 'cart',
      sources: [services.outbox.source()],
      dispatchers: eventQueues([{ consumer: 'analytics' }], runtime.queues),
      logger: runtime.logger,
      intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
    }),
  ];
}
