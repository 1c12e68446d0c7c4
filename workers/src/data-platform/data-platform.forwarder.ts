import { ALL_EVENTS } from '@shop/contracts';
import { eventWorker, on, type EventHandler } from '@shop/events';
import { DATA_PLATFORM_CONSUMER, type QueueConnection } from '@shop/jobs';
import type { BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import type { Redis } from '@shop/redis';
import type { Counter } from 'prom-client';
import type { DataPlatformClient } from './data-platform.client';

export interface DataPlatformForwarderOptions {
  client: DataPlatformClient;
  connection: QueueConnection;
  redis: Redis;
  logger: Logger;
  concurrency: number;
  /** Counts events that used their retries and stay in the dead letter. */
  deadLetters: Counter;
  forwarded: Counter;
}

/**
 * Forwards every event routed to `events.data-platform` to the outside platform (seed 003,
 * US-19), at most once per event id on our side: the consumer's job options give it the first
 * try and 3 retries with backoff; a job that used them stays failed (the dead letter), is
 * logged and counted, and the redrive sends it again once the platform answers. Checkout only
 * ever writes to its outbox, so an outage of the platform never reaches it.
 */
export function dataPlatformForwarder(options: DataPlatformForwarderOptions): BackgroundTask {
  const handlers: EventHandler[] = ALL_EVENTS.map((definition) =>
    on(definition, async (_payload, event) => {
      await options.client.send(event);
      options.forwarded.inc();
    }),
  );
  return eventWorker({
    consumer: DATA_PLATFORM_CONSUMER,
    handlers,
    connection: options.connection,
    redis: options.redis,
    logger: options.logger,
    concurrency: options.concurrency,
    onFailed: (job, error, final) => {
      if (!final) return;
      options.deadLetters.inc();
      options.logger.error(
        {
          queue: job.queueName,
          jobId: job.id,
          type: job.name,
          attempts: job.attemptsMade,
          err: error.message,
        },
        'data platform event dead-lettered',
      );
    },
  });
}
