import { orderPaid, orderStatusChanged } from '@shop/contracts';
import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import {
  DATA_PLATFORM_CONSUMER,
  createNotificationProducer,
  dataPlatformJobOptions,
} from '@shop/jobs';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import { COUPON_CONSUMER, couponOrderConsumer } from './coupon/coupon-order-sync';
import { orderNotificationDispatcher } from './notification/order-notification.dispatcher';
import { orderTimeoutTasks } from './order/order-timeouts';
import { partnerWebhookRoute, partnerWebhookTasks } from './partner-webhook/webhook-tasks';
import type { OrdersParts } from './services';

/**
 * Order events leave the orders' outbox for their consumers: paid orders for the catalog
 * (popular products), every event for analytics and for the outside data platform (with its
 * own retries), the buyer's mails, and partner webhooks (fan-out, attempts, sweeper); coupon
 * events leave the coupons' outbox the same way. Unpaid orders time out; the recovery loop
 * finishes or undoes interrupted payments. Coupons follow their orders' status changes, and their
 * claim state in Redis is checked against MongoDB.
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
    sources: [mongoOutboxSource(models.orders), mongoOutboxSource(models.coupons)],
    dispatchers: [
      ...eventQueues(
        [
          { consumer: 'catalog', events: [orderPaid] },
          { consumer: COUPON_CONSUMER, events: [orderStatusChanged] },
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
  return [relay, recovery, ...timeouts, ...couponTasks({ config, runtime, services }), ...webhooks];
}

/**
 * The coupons' background work: the consumer of order status changes, the recovery of holds
 * left behind, and the reconciler that repairs Redis's claim state from MongoDB.
 */
function couponTasks({
  config,
  runtime,
  services,
}: Pick<OrdersParts, 'config' | 'runtime' | 'services'>): BackgroundTask[] {
  const { sync, reconciler } = services.coupons;
  return [
    couponOrderConsumer(sync, runtime.queues, runtime.redis, runtime.logger),
    new IntervalTask(
      'coupon-hold-recovery',
      config.PAYMENT_RECOVERY_INTERVAL_MS,
      () => sync.recoverHolds(),
      runtime.logger,
    ),
    new IntervalTask(
      'coupon-reconciler',
      config.COUPON_RECONCILE_INTERVAL_MS,
      () => reconciler.pass(),
      runtime.logger,
    ),
  ];
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
