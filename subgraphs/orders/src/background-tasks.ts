import { orderPaid } from '@shop/contracts';
import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import {
  DATA_PLATFORM_CONSUMER,
  createNotificationProducer,
  dataPlatformJobOptions,
} from '@shop/jobs';
import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import { fulfilmentNotificationDispatcher } from './fulfilment/fulfilment-notification.dispatcher';
import { PurchaseReminders } from './fulfilment/purchase-reminder';
import { orderNotificationDispatcher } from './notification/order-notification.dispatcher';
import { orderTimeoutTasks } from './order/order-timeouts';
import type { OrdersParts } from './services';

/**
 * Order events leave the orders' outbox for their consumers: paid orders for the catalog
 * (popular products), every event for analytics and for the outside data platform (with its
 * own retries), and the buyer's mails and texts (reviews' events too). Unpaid orders time out; the recovery loop finishes or
 * undoes interrupted payments.
 */
export function ordersBackgroundTasks({
  config,
  runtime,
  models,
  services,
}: OrdersParts): BackgroundTask[] {
  if (config.ORDERS_BACKGROUND_TASKS === 'off') return [closing(services.timeouts)];
  const relay = new OutboxRelay({
    name: 'orders',
    sources: [mongoOutboxSource(models.orders), mongoOutboxSource(models.reviews)],
    dispatchers: [
      ...eventQueues(
        [
          { consumer: 'catalog', events: [orderPaid] },
          { consumer: 'analytics' },
          { consumer: DATA_PLATFORM_CONSUMER, jobOptions: dataPlatformJobOptions },
        ],
        runtime.queues,
      ),
      orderNotificationDispatcher(
        createNotificationProducer(runtime.queues),
        models.orders,
        runtime.logger,
      ),
      fulfilmentNotificationDispatcher(
        createNotificationProducer(runtime.queues),
        models.orders,
        runtime.logger,
        config.STOREFRONT_URL,
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
  // Cancellations whose refund or restock a crash interrupted (docs/fulfilment.md).
  const refunds = new IntervalTask(
    'refund-recovery',
    config.PAYMENT_RECOVERY_INTERVAL_MS,
    () => services.refunds.recover(new Date(Date.now() - config.PAYMENT_STALE_AFTER_MS)),
    runtime.logger,
  );
  const reminders = new PurchaseReminders({
    orders: models.orders,
    reviews: models.reviews,
    producer: createNotificationProducer(runtime.queues),
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
  const timeouts = orderTimeoutTasks({
    scheduler: services.timeouts,
    cancellation: services.cancellation,
    connection: runtime.queues,
    sweepIntervalMs: config.ORDER_TIMEOUT_SWEEP_INTERVAL_MS,
    logger: runtime.logger,
  });
  return [relay, recovery, refunds, reminding, ...timeouts];
}

/** With background tasks off, the timeout scheduler's queue still needs closing at stop. */
function closing(scheduler: OrdersParts['services']['timeouts']): BackgroundTask {
  return { name: 'order-timeout-scheduler', start: () => undefined, stop: () => scheduler.close() };
}
