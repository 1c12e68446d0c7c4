import { orderPaid, paymentFailed, paymentSucceeded } from '@shop/contracts';
import type { DomainEvent } from '@shop/events';
import type { OrderDocument, PaymentRecord } from '../order/order.model';

type PayingOrder = OrderDocument & { payment: PaymentRecord };

/** What every payment event names: the order, its number, its buyer and the attempt. */
function paymentRef(order: PayingOrder) {
  return {
    orderId: order._id.toHexString(),
    number: order.number,
    buyerId: order.buyerId,
    paymentId: order.payment.id,
    method: order.payment.method,
    amount: order.payment.amount,
  };
}

/** What a paid order tells: the catalog counts its units, analytics and the platform its money. */
export function paidEvents(order: PayingOrder, at: Date): DomainEvent[] {
  const approvedAt = (order.payment.approvedAt ?? at).toISOString();
  const lines = order.lines.map(({ productId, quantity }) => ({ productId, quantity }));
  return [
    orderPaid.create({ orderId: order._id.toHexString(), paidAt: at.toISOString(), lines }, at),
    paymentSucceeded.create({ ...paymentRef(order), approvedAt }, at),
  ];
}

/** A declined payment, with why. */
export function failedEvent(
  order: PayingOrder,
  code: string,
  message: string,
  at: Date,
): DomainEvent {
  return paymentFailed.create(
    { ...paymentRef(order), failureCode: code, failureMessage: message },
    at,
  );
}
