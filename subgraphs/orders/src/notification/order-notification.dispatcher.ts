import { Types } from 'mongoose';
import { ZodError } from 'zod';
import { orderStatusChanged, type OrderStatusChangedPayload } from '@shop/contracts';
import { MalformedEventError, type DomainEvent, type EventDispatcher } from '@shop/events';
import type { NotificationProducer } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import { PAYMENT_TIMEOUT } from '../order/order-cancellation.service';
import type { OrderDocument, OrderModel } from '../order/order.model';

type Change = { event: DomainEvent; change: OrderStatusChangedPayload };

/** The statuses the buyer is mailed about. */
const MAILED = new Set(['PAID', 'PAYMENT_FAILED', 'CANCELLED']);

/** The mail one status change of an order calls for, from the order as it is stored. */
function mailFor({ event, change }: Change, order: OrderDocument) {
  const { buyerContact: contact } = order;
  const base = {
    eventId: event.id,
    to: contact.email,
    name: contact.name,
    locale: contact.locale,
    orderNumber: order.number,
    total: order.total,
  };
  if (change.to === 'PAID') {
    return {
      ...base,
      template: 'order-confirmation' as const,
      paymentMethod: order.payment?.method ?? 'BALANCE',
      lines: order.lines.map((line) => ({
        name: line.productName,
        quantity: line.quantity,
        lineTotal: line.lineTotal,
      })),
      shippingFee: order.shippingFee,
    };
  }
  if (change.to === 'PAYMENT_FAILED') {
    return {
      ...base,
      template: 'payment-failed' as const,
      failureCode: order.payment?.failureCode ?? change.reason ?? 'PAYMENT_FAILED',
      failureMessage: order.payment?.failureMessage ?? '',
    };
  }
  const cause =
    change.reason === PAYMENT_TIMEOUT && change.by === 'system'
      ? ('PAYMENT_TIMEOUT' as const)
      : change.by === change.buyerId
        ? ('BUYER' as const)
        : ('STAFF' as const);
  const refunded = order.refunded.amount > 0 ? { refunded: order.refunded } : {};
  return {
    ...base,
    template: 'order-cancelled' as const,
    cause,
    reason: change.reason ?? '',
    ...refunded,
  };
}

/**
 * The orders relay's mail dispatcher: a status change to PAID, PAYMENT_FAILED or CANCELLED
 * becomes the buyer's mail, addressed with the contact the order copied when it was placed
 * (read here, so no personal data travels in events). Job ids derive from event ids, so an
 * event relayed twice mails once; one whose mail can never be queued is logged and dropped.
 */
export function orderNotificationDispatcher(
  producer: NotificationProducer,
  orders: OrderModel,
  logger: Logger,
): EventDispatcher {
  return {
    name: 'order-notifications',
    async dispatch(events) {
      const changes = events
        .filter((event) => event.type === orderStatusChanged.type)
        .map((event) => ({ event, change: orderStatusChanged.parse(event) }))
        .filter(({ change }) => MAILED.has(change.to));
      if (!changes.length) return;
      const ids = [...new Set(changes.map(({ change }) => change.orderId))];
      const found = await orders
        .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, { outbox: 0 })
        .lean<OrderDocument[]>();
      const byId = new Map(found.map((order) => [order._id.toHexString(), order]));
      await Promise.all(
        changes.map(async (item) => {
          const order = byId.get(item.change.orderId);
          try {
            if (order) await producer.sendEmail(mailFor(item, order));
          } catch (error) {
            if (!(error instanceof ZodError || error instanceof MalformedEventError)) throw error;
            logger.error({ eventId: item.event.id, err: error.message }, 'order mail dropped');
          }
        }),
      );
    },
    close: () => producer.close(),
  };
}
