import type { UsersClient } from '../clients/users.client';
import type { OrdersConfig } from '../config';
import type { OrdersModels } from '../models';
import { createNotificationProducer } from '@shop/jobs';
import type { SubgraphRuntime } from '@shop/service';
import type { HostResolver } from './ssrf-guard';
import { WebhookAttempts } from './webhook-attempts';
import { SubscriptionSlots } from './webhook-concurrency';
import { webhookPolicy } from './webhook-config';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { disabledMail } from './webhook-disabled-mail';
import { WebhookFanout } from './webhook-fanout';
import { WebhookHealth } from './webhook-health';
import { WebhookQueue } from './webhook-queue';
import { WebhookSender } from './webhook-sender';
import { SecretBox } from './webhook-signing';
import { WebhookSubscriptionService } from './webhook-subscription.service';

/** Slack on top of the timeout before an unfinished attempt is taken for interrupted. */
const STALE_MARGIN_MS = 5_000;

/**
 * The partner webhooks' parts, built once per orders process: subscriptions and the delivery
 * log for the API, the fan-out and the attempt runner for the background tasks.
 */
export function createPartnerWebhooks(
  config: OrdersConfig,
  runtime: SubgraphRuntime,
  models: OrdersModels,
  users: UsersClient,
  resolver?: HostResolver,
) {
  const policy = webhookPolicy(config);
  const box = new SecretBox(config.WEBHOOK_SECRET_KEY);
  const queue = new WebhookQueue(runtime.queues);
  const sender = new WebhookSender({ policy, timeoutMs: config.WEBHOOK_TIMEOUT_MS, resolver });
  const staleMs = config.WEBHOOK_TIMEOUT_MS + STALE_MARGIN_MS;
  const mail = createNotificationProducer(runtime.queues);
  const health = new WebhookHealth(
    models.webhookSubscriptions,
    disabledMail(users, mail),
    config.WEBHOOK_DISABLE_AFTER_MS,
    runtime.logger,
  );
  return {
    staleMs,
    queue,
    subscriptions: new WebhookSubscriptionService({
      subscriptions: models.webhookSubscriptions,
      owners: models.webhookOwners,
      box,
      policy,
      resolver,
      secretOverlapMs: config.WEBHOOK_SECRET_OVERLAP_MS,
    }),
    deliveries: new WebhookDeliveryService(
      models.webhookSubscriptions,
      models.webhookDeliveries,
      queue,
    ),
    fanout: new WebhookFanout(
      models.webhookSubscriptions,
      models.webhookDeliveries,
      models.orders,
      queue,
    ),
    attempts: new WebhookAttempts({
      deliveries: models.webhookDeliveries,
      subscriptions: models.webhookSubscriptions,
      sender,
      box,
      queue,
      slots: new SubscriptionSlots(
        runtime.redis,
        runtime.queues.prefix ?? 'shop',
        config.WEBHOOK_PER_SUBSCRIPTION_CONCURRENCY,
        staleMs,
      ),
      health,
      schedule: config.WEBHOOK_RETRY_SCHEDULE_MS,
      staleMs,
      logger: runtime.logger,
    }),
    async close() {
      sender.close();
      await Promise.all([queue.close(), mail.close()]);
    },
  };
}

export type PartnerWebhooks = ReturnType<typeof createPartnerWebhooks>;
