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
import { WebhookHealth, type DisabledNotifier } from './webhook-health';
import { WebhookQueue } from './webhook-queue';
import { WebhookSender } from './webhook-sender';
import { SecretBox } from './webhook-signing';
import { WebhookSubscriptionService } from './webhook-subscription.service';

/** Slack on top of the timeout before an unfinished attempt is taken for interrupted. */
const STALE_MARGIN_MS = 5_000;

interface Foundation {
  config: OrdersConfig;
  runtime: SubgraphRuntime;
  models: OrdersModels;
  queue: WebhookQueue;
  box: SecretBox;
  staleMs: number;
}

/**
 * The attempt runner: the sender (with the target policy), per-subscription slots, the
 * subscriptions' health (disabling, with a mail to the partner) and the retry schedule.
 */
function attemptRunner(
  { config, runtime, models, queue, box, staleMs }: Foundation,
  sender: WebhookSender,
  notifier: DisabledNotifier,
): WebhookAttempts {
  return new WebhookAttempts({
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
    health: new WebhookHealth(
      models.webhookSubscriptions,
      notifier,
      config.WEBHOOK_DISABLE_AFTER_MS,
      runtime.logger,
    ),
    schedule: config.WEBHOOK_RETRY_SCHEDULE_MS,
    staleMs,
    logger: runtime.logger,
  });
}

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
  const foundation: Foundation = {
    config,
    runtime,
    models,
    queue: new WebhookQueue(runtime.queues),
    box: new SecretBox(config.WEBHOOK_SECRET_KEY),
    staleMs: config.WEBHOOK_TIMEOUT_MS + STALE_MARGIN_MS,
  };
  const { queue, box, staleMs } = foundation;
  const { webhookSubscriptions: subscriptions, webhookDeliveries: deliveries } = models;
  const sender = new WebhookSender({ policy, timeoutMs: config.WEBHOOK_TIMEOUT_MS, resolver });
  const mail = createNotificationProducer(runtime.queues);
  const owners = models.webhookOwners;
  const secretOverlapMs = config.WEBHOOK_SECRET_OVERLAP_MS;
  return {
    staleMs,
    queue,
    subscriptions: new WebhookSubscriptionService({
      subscriptions,
      owners,
      box,
      policy,
      resolver,
      secretOverlapMs,
    }),
    deliveries: new WebhookDeliveryService(subscriptions, deliveries, queue),
    fanout: new WebhookFanout(subscriptions, deliveries, models.orders, queue),
    attempts: attemptRunner(foundation, sender, disabledMail(users, mail)),
    async close() {
      sender.close();
      await Promise.all([queue.close(), mail.close()]);
    },
  };
}

export type PartnerWebhooks = ReturnType<typeof createPartnerWebhooks>;
