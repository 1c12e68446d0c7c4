import { createQueue, DATA_PLATFORM_CONSUMER, eventQueueName } from '@shop/jobs';
import { startTasks } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import type { Redis } from '@shop/redis';
import { Counter, type Registry } from 'prom-client';
import type { WorkersConfig } from '../config';
import { DataPlatformClient } from './data-platform.client';
import { dataPlatformForwarder } from './data-platform.forwarder';
import { dataPlatformRedriveTask } from './data-platform.redrive';

/** The running data-platform feed: the forwarder and its redrive. */
export interface DataPlatformFeed {
  stop(): Promise<void>;
}

/** Starts the forwarder of `events.data-platform` and the redrive of its dead letter. */
export function startDataPlatformFeed(
  config: WorkersConfig,
  common: { redis: Redis; logger: Logger; registry: Registry },
): DataPlatformFeed {
  const connection = { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX };
  const counter = (name: string, help: string) =>
    new Counter({ name, help, registers: [common.registry] });
  const forwarder = dataPlatformForwarder({
    client: new DataPlatformClient({
      url: config.DATA_PLATFORM_URL,
      apiKey: config.DATA_PLATFORM_API_KEY,
      timeoutMs: config.DATA_PLATFORM_TIMEOUT_MS,
    }),
    connection,
    redis: common.redis,
    logger: common.logger,
    concurrency: config.DATA_PLATFORM_CONCURRENCY,
    deadLetters: counter(
      'data_platform_dead_letters_total',
      'Events that used every retry to the data platform and wait in the dead letter',
    ),
    forwarded: counter('data_platform_events_forwarded_total', 'Events the data platform took'),
  });
  const redrive = dataPlatformRedriveTask(
    createQueue(eventQueueName(DATA_PLATFORM_CONSUMER), connection),
    config.DATA_PLATFORM_REDRIVE_INTERVAL_MS,
    common.logger,
  );
  return { stop: startTasks([forwarder, redrive]) };
}
