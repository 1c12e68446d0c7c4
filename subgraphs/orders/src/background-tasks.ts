import { orderPaid } from '@shop/contracts';
import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import {
  DATA_PLATFORM_CONSUMER,
  createNotificationProducer,
  dataPlatformJobOptions,
} from '@shop/jobs';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import { orderNotificationDispatcher } from './notification/order-notification.dispatcher';
import { orderTimeoutTasks } from './order/order-timeouts';
import { partnerWebhookRoute, partnerWebhookTasks } from './partner-webhook/webhook-tasks';
import type { OrdersParts } from './services';

/**
 * Order events leave the orders' outbox for their consumers: paid orders for the catalog
 * (popular products), every event for analytics and for the outside data platform (with its
 * own retries), the buyer's mails, and partner webhooks (fan-out, attempts, sweeper). Unpaid orders time out; the recovery loop finishes or
 * undoes interrupted payments.
 */
export function ordersBackgroundTasks({
  config,
  runtime,
  models,
  services,
}: OrdersParts): BackgroundTask[] {
  if (config.ORDERS_BACKGROUND_TASKS === 'off') return [closing(services)];
  const relay = new OutboxRelay({
    name: 'orders',
    sources: [mongoOutboxSource(models.orders)],
    dispatchers: [
      ...eventQueues(
        [
          { consumer: 'catalog', events: [orderPaid] },
          { consumer: 'analytics' },
          { consumer: DATA_PLATFORM_CONSUMER, jobOptions: dataPlatformJobOptions },
          partnerWebhookRoute,
        ],
        runtime.queues,
      ),
      orderNotificationDispatcher(
        createNotificationProducer(runtime.queues),
        models.orders,
        runtime.logger,
      ),
    ],
    logger: runtime.logger,
    intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
  });
  const recovery = new IntervalTask(
    'payment-recovery',
    config.PAYMENT_RECOVERY_INTERVAL_MS,
    () => services.recovery.pass(),
    runtime.logger,
  );
  const timeouts = orderTimeoutTasks({
    scheduler: services.timeouts,
    cancellation: services.cancellation,
    connection: runtime.queues,
    sweepIntervalMs: config.ORDER_TIMEOUT_SWEEP_INTERVAL_MS,
    logger: runtime.logger,
  });
  const webhooks = partnerWebhookTasks({
    webhooks: services.webhooks,
    deliveries: models.webhookDeliveries,
    connection: runtime.queues,
    redis: runtime.redis,
    concurrency: config.WEBHOOK_WORKER_CONCURRENCY,
    sweepIntervalMs: config.WEBHOOK_SWEEP_INTERVAL_MS,
    logger: runtime.logger,
  });
  return [relay, recovery, ...timeouts, ...webhooks];
}

/** With background tasks off, the timeout and webhook queues still need closing at stop. */
function closing(services: OrdersParts['services']): BackgroundTask {
  return {
    name: 'order-queues',
    start: () => undefined,
    stop: async () => {
      await services.timeouts.close();
      await services.webhooks.close();
    },
  };
}
