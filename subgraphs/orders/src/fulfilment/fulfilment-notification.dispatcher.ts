import { Types } from 'mongoose';
import { ZodError } from 'zod';
import { orderDelivered, orderShipped, orderStatusChanged } from '@shop/contracts';
import { MalformedEventError, type DomainEvent, type EventDispatcher } from '@shop/events';
import { E164_PATTERN, type NotificationProducer } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import type { OrderDocument, OrderModel } from '../order/order.model';
import { reviewUrlOf } from './purchase-reminder';

/** E.164 of the buyer: their account's phone, else the delivery address's Korean number. */
export function buyerPhone(order: OrderDocument): string | null {
  const phone = order.buyerContact.phone;
  if (phone && E164_PATTERN.test(phone)) return phone;
  const national = order.shippingAddress.phone.replace(/\D/g, '');
  return /^0\d{8,10}$/.test(national) ? `+82${national.slice(1)}` : null;
}

/** The message one event calls for: the shipping SMS, the review mail, a partial cancellation. */
async function notify(
  producer: NotificationProducer,
  event: DomainEvent,
  order: OrderDocument,
  storefrontUrl: string,
) {
  const contact = order.buyerContact;
  const base = { eventId: event.id, name: contact.name, locale: contact.locale };
  if (event.type === orderShipped.type) {
    const shipped = orderShipped.parse(event);
    const to = buyerPhone(order);
    if (!to) return;
    await producer.sendSms({
      ...base,
      to,
      template: 'order-shipped',
      orderNumber: order.number,
      ...pick(shipped),
    });
    return;
  }
  if (event.type === orderDelivered.type) {
    await producer.sendEmail({
      ...base,
      to: contact.email,
      template: 'review-request',
      orderNumber: order.number,
      products: order.lines.filter((l) => l.status !== 'CANCELLED').map((l) => l.productName),
      reviewUrl: reviewUrlOf(storefrontUrl, order._id.toHexString()),
    });
    return;
  }
  const change = orderStatusChanged.parse(event);
  if (change.to !== 'PARTIALLY_CANCELLED') return;
  const entries = order.cancellations.filter((c) => c.at.toISOString() === change.at);
  if (!entries.length) return;
  const name = (productId: string) =>
    order.lines.find((l) => l.productId === productId)?.productName ?? productId;
  await producer.sendEmail({
    ...base,
    to: contact.email,
    template: 'order-partially-cancelled',
    orderNumber: order.number,
    lines: entries.map((c) => ({ name: name(c.productId), quantity: c.quantity })),
    refunded: {
      amount: entries.reduce((sum, c) => sum + c.refund.amount, 0),
      currency: order.total.currency,
    },
    reason: change.reason ?? '',
  });
}

function pick(shipped: ReturnType<typeof orderShipped.parse>) {
  const { carrier, trackingNumber, trackingUrl, estimatedDeliveryAt } = shipped;
  return { carrier, trackingNumber, trackingUrl, estimatedDeliveryAt };
}

const HANDLED = new Set<string>([orderShipped.type, orderDelivered.type, orderStatusChanged.type]);

/**
 * The orders relay's fulfilment messages: the buyer's SMS when the parcel leaves (tracking link
 * and estimated date), the mail asking for a review once delivered, and the mail of a partial
 * cancellation with its refund (a full one is the checkout dispatcher's `order-cancelled`).
 * Job ids derive from event ids, so an event relayed twice sends once.
 */
export function fulfilmentNotificationDispatcher(
  producer: NotificationProducer,
  orders: OrderModel,
  logger: Logger,
  storefrontUrl: string,
): EventDispatcher {
  return {
    name: 'fulfilment-notifications',
    async dispatch(events) {
      const relevant = events.filter((event) => HANDLED.has(event.type) && isWanted(event));
      if (!relevant.length) return;
      const ids = [...new Set(relevant.map((event) => String(event.payload['orderId'])))];
      const found = await orders
        .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, { outbox: 0 })
        .lean<OrderDocument[]>();
      const byId = new Map(found.map((order) => [order._id.toHexString(), order]));
      for (const event of relevant) {
        const order = byId.get(String(event.payload['orderId']));
        try {
          if (order) await notify(producer, event, order, storefrontUrl);
        } catch (error) {
          if (!(error instanceof ZodError || error instanceof MalformedEventError)) throw error;
          logger.error({ eventId: event.id, err: error.message }, 'fulfilment message dropped');
        }
      }
    },
    close: () => producer.close(),
  };
}

function isWanted(event: DomainEvent): boolean {
  return event.type !== orderStatusChanged.type || event.payload['to'] === 'PARTIALLY_CANCELLED';
}
