import { orderPaid, orderStatusChanged } from '@shop/contracts';
import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import {
  DATA_PLATFORM_CONSUMER,
  createNotificationProducer,
  dataPlatformJobOptions,
} from '@shop/jobs';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import { COUPON_CONSUMER, couponOrderConsumer } from './coupon/coupon-order-sync';
import { fulfilmentNotificationDispatcher } from './fulfilment/fulfilment-notification.dispatcher';
import { PurchaseReminders } from './fulfilment/purchase-reminder';
import { orderNotificationDispatcher } from './notification/order-notification.dispatcher';
import { orderTimeoutTasks } from './order/order-timeouts';
import { partnerWebhookRoute, partnerWebhookTasks } from './partner-webhook/webhook-tasks';
import type { OrdersParts } from './services';

/**
 * Order events leave the orders' outbox for their consumers: paid orders for the catalog
 * (popular products), every event for analytics and for the outside data platform (with its
 * own retries), the buyer's mails and texts, and partner webhooks (fan-out, attempts, sweeper);
 * coupon and review events leave their own outboxes the same way. Unpaid orders time out; the
 * recovery loops finish or undo interrupted payments and refunds. Coupons follow their orders'
 * status changes, and their claim state in Redis is checked against MongoDB.
 */
export function ordersBackgroundTasks(parts: OrdersParts): BackgroundTask[] {
  const { config, runtime, services } = parts;
  if (config.ORDERS_BACKGROUND_TASKS === 'off') return [closing(services)];
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
  return [
    outboxRelay(parts),
    recovery,
    ...timeouts,
    ...fulfilmentTasks(parts),
    ...couponTasks(parts),
    ...webhookTasks(parts),
  ];
}

/** One relay over the three outboxes (orders, coupons, reviews) to every consumer. */
function outboxRelay({ config, runtime, models }: OrdersParts): OutboxRelay {
  // Each dispatcher owns its producer: the relay closes every dispatcher when it stops.
  const notifications = () => createNotificationProducer(runtime.queues);
  return new OutboxRelay({
    name: 'orders',
    sources: [
      mongoOutboxSource(models.orders),
      mongoOutboxSource(models.coupons),
      mongoOutboxSource(models.reviews),
    ],
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
      orderNotificationDispatcher(notifications(), models.orders, runtime.logger),
      fulfilmentNotificationDispatcher(
        notifications(),
        models.orders,
        runtime.logger,
        config.STOREFRONT_URL,
      ),
    ],
    logger: runtime.logger,
    intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
  });
}

/**
 * After the sale: cancellations whose refund or restock a crash interrupted
 * (docs/fulfilment.md), and the purchase-confirmation reminders after delivery.
 */
function fulfilmentTasks({ config, runtime, models, services }: OrdersParts): BackgroundTask[] {
  const producer = createNotificationProducer(runtime.queues);
  const reminders = new PurchaseReminders({
    orders: models.orders,
    reviews: models.reviews,
    producer,
    logger: runtime.logger,
    afterDays: config.PURCHASE_REMINDER_DAYS,
    storefrontUrl: config.STOREFRONT_URL,
  });
  const reminding = new IntervalTask(
    'purchase-reminders',
    config.PURCHASE_REMINDER_INTERVAL_MS,
    () => reminders.pass(),
    runtime.logger,
  );
  return [
    new IntervalTask(
      'refund-recovery',
      config.PAYMENT_RECOVERY_INTERVAL_MS,
      () => services.refunds.recover(new Date(Date.now() - config.PAYMENT_STALE_AFTER_MS)),
      runtime.logger,
    ),
    {
      name: reminding.name,
      start: () => reminding.start(),
      // The producer's queues hold Redis connections of their own: left open, they outlive stop.
      stop: async () => {
        await reminding.stop();
        await producer.close();
      },
    },
  ];
}

/** Partner webhooks: the fan-out consumer, the sender and the sweeper of lost jobs. */
function webhookTasks({ config, runtime, models, services }: OrdersParts): BackgroundTask[] {
  return partnerWebhookTasks({
    webhooks: services.webhooks,
    deliveries: models.webhookDeliveries,
    connection: runtime.queues,
    redis: runtime.redis,
    concurrency: config.WEBHOOK_WORKER_CONCURRENCY,
    sweepIntervalMs: config.WEBHOOK_SWEEP_INTERVAL_MS,
    logger: runtime.logger,
  });
}

/**
 * The coupons' background work: the consumer of order status changes, the recovery of holds
 * left behind, and the reconciler that repairs Redis's claim state from MongoDB.
 */
function couponTasks({ config, runtime, services }: OrdersParts): BackgroundTask[] {
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
