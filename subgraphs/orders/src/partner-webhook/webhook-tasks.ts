import { DelayedError, Worker } from 'bullmq';
import { eventWorker, type DomainEvent, type EventRoute } from '@shop/events';
import { WEBHOOK_QUEUE, webhookJobSchema, type QueueConnection } from '@shop/jobs';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import type { WebhookDeliveryModel } from './webhook-delivery.model';
import { FANNED_OUT_EVENTS } from './webhook-payload';
import type { PartnerWebhooks } from './partner-webhooks';

/** The consumer name of the fan-out: its queue is `events.partner-webhooks`. */
export const PARTNER_WEBHOOK_CONSUMER = 'partner-webhooks';

/**
 * How long a job for a subscription at its limit waits before it tries again (plus up to as
 * much jitter): short, as a slot frees after one request; each try is one Redis script.
 */
const BUSY_RETRY_MS = 100;

/** The relay's route of order events to the fan-out. */
export const partnerWebhookRoute: EventRoute = {
  consumer: PARTNER_WEBHOOK_CONSUMER,
  events: FANNED_OUT_EVENTS,
};

export interface WebhookTaskOptions {
  webhooks: PartnerWebhooks;
  deliveries: WebhookDeliveryModel;
  connection: QueueConnection;
  redis: Redis;
  concurrency: number;
  sweepIntervalMs: number;
  logger: Logger;
}

/**
 * The webhook background tasks of the orders process: the fan-out (an idempotent consumer of
 * order events), the attempt worker of the `webhooks` queue and the sweeper that queues again
 * deliveries whose job a crash lost.
 */
export function partnerWebhookTasks(options: WebhookTaskOptions): BackgroundTask[] {
  const { webhooks, logger } = options;
  const fanout = eventWorker({
    consumer: PARTNER_WEBHOOK_CONSUMER,
    handlers: FANNED_OUT_EVENTS.map((event) => ({
      event,
      handle: async (_payload: unknown, envelope: DomainEvent) => {
        await webhooks.fanout.handle(envelope);
      },
    })),
    connection: options.connection,
    redis: options.redis,
    logger,
    // Each event is a few round trips (subscriptions, one insertMany, one addBulk).
    concurrency: 8,
  });
  const sweeper = new IntervalTask(
    'webhook-sweeper',
    options.sweepIntervalMs,
    () => sweep(options),
    logger,
  );
  return [fanout, attemptWorker(options), sweeper];
}

/** The `webhooks` queue's worker; a job for a subscription at its limit waits a moment. */
function attemptWorker(options: WebhookTaskOptions): BackgroundTask {
  let worker: Worker | undefined;
  let redis: Redis | undefined;
  return {
    name: 'webhook-attempts',
    start() {
      redis = createRedis(options.connection.redisUrl, { forQueues: true });
      worker = new Worker(
        WEBHOOK_QUEUE,
        async (job, token) => {
          const run = await options.webhooks.attempts.run(webhookJobSchema.parse(job.data));
          if (run !== 'busy' || !token) return run;
          await job.moveToDelayed(
            Date.now() + BUSY_RETRY_MS + Math.floor(Math.random() * BUSY_RETRY_MS),
            token,
          );
          throw new DelayedError();
        },
        {
          connection: redis,
          prefix: options.connection.prefix ?? 'shop',
          concurrency: options.concurrency,
          maxStalledCount: 10,
        },
      );
      worker.on('error', (err) =>
        options.logger.error({ err: err.message }, 'webhook worker error'),
      );
    },
    async stop() {
      await worker?.close();
      await redis?.quit().catch(() => undefined);
      await options.webhooks.close();
    },
  };
}

/** Pending deliveries overdue by more than an attempt can take lost their job: queue them again. */
async function sweep({ webhooks, deliveries }: WebhookTaskOptions): Promise<void> {
  const overdue = await deliveries
    .find(
      { status: 'PENDING', nextAttemptAt: { $lte: new Date(Date.now() - webhooks.staleMs) } },
      { _id: 1, subscriptionId: 1, attemptCount: 1, nextAttemptAt: 1 },
    )
    .limit(200)
    .lean();
  for (const delivery of overdue) {
    await webhooks.queue.schedule({ ...delivery, nextAttemptAt: null });
  }
}
