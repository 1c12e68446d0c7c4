import { createQueue, eventQueueName, publishEvent, type EventJob } from '@shop/jobs';
import { OutboxRelay, RedisOutbox } from '@shop/outbox';
import type { BackgroundTask, SubgraphRuntime } from '@shop/service';
import { cartOutboxKey } from '../cart/cart.events';
import type { CartConfig } from '../config';

/**
 * Delivers the cart's events from its Redis outbox to the analytics queue, at least once: the
 * job id is the event id, so a delivery repeated after a crash is ignored by BullMQ.
 */
export function cartEventsRelay(config: CartConfig, runtime: SubgraphRuntime): BackgroundTask {
  const queue = createQueue<EventJob>(eventQueueName('analytics'), {
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
  });
  const outbox = new RedisOutbox(runtime.redis, cartOutboxKey(config.CART_KEY_PREFIX));
  const relay = new OutboxRelay({
    sources: [outbox.source()],
    dispatch: (event) => publishEvent([queue], event),
    logger: runtime.logger,
    intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
  });
  return {
    start: () => relay.start(),
    async stop() {
      await relay.stop();
      await queue.close();
    },
  };
}
