import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import { popularityConsumer } from './popularity/popularity.consumer';
import type { ProductsParts } from './services';

/** Keeps this process's search index subscribed to the catalog's change channel. */
function searchIndexSubscription({ runtime, services }: ProductsParts): BackgroundTask {
  return {
    name: 'search-index-subscription',
    start: () => {
      services.searchIndex.subscribe(runtime.redis).catch((err: unknown) => {
        runtime.logger.error({ err }, 'search index subscription failed');
      });
    },
    stop: () => services.searchIndex.close(),
  };
}

/**
 * The catalog's background work: the search index follows changes (always); the outbox relay,
 * the popularity consumer, its refresh and the reservation sweeper run unless
 * `PRODUCTS_BACKGROUND_TASKS=off` (one-off scripts, benchmarks).
 */
export function productsBackgroundTasks(parts: ProductsParts): BackgroundTask[] {
  const { config, runtime, models, services } = parts;
  const subscription = searchIndexSubscription(parts);
  if (config.PRODUCTS_BACKGROUND_TASKS === 'off') return [subscription];
  const every = (name: string, ms: number, pass: () => Promise<unknown>) =>
    new IntervalTask(name, ms, pass, runtime.logger);
  return [
    subscription,
    every('search-rebuild', config.SEARCH_REBUILD_MS, () => services.searchIndex.resync()),
    new OutboxRelay({
      name: 'products',
      sources: [mongoOutboxSource(models.products)],
      dispatchers: eventQueues(
        config.CATALOG_EVENT_CONSUMERS.map((consumer) => ({ consumer })),
        runtime.queues,
      ),
      logger: runtime.logger,
    }),
    popularityConsumer(runtime, services.popularity),
    every('popularity-refresh', config.POPULARITY_REFRESH_MS, () => services.popularity.refresh()),
    every('reservation-sweeper', config.RESERVATION_SWEEP_INTERVAL_MS, () =>
      services.sweeper.sweep(),
    ),
  ];
}
