import { WITHOUT_OUTBOX } from '@shop/events';
import type { NotificationProducer } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import type { OrderDocument, OrderModel } from '../order/order.model';
import type { ReviewModel } from '../review/review.model';

export interface PurchaseReminderOptions {
  orders: OrderModel;
  reviews: ReviewModel;
  producer: NotificationProducer;
  logger: Logger;
  /** Days after delivery the buyer is reminded to confirm the purchase and review it. */
  afterDays: number;
  storefrontUrl: string;
}

const BATCH = 50;
const DAY_MS = 24 * 60 * 60_000;

/** The link of the buyer's review page for an order. */
export const reviewUrlOf = (storefrontUrl: string, orderId: string) =>
  `${storefrontUrl.replace(/\/$/, '')}/orders/${orderId}/review`;

/**
 * The purchase-confirmation reminder: `afterDays` after delivery, the buyer of a DELIVERED order
 * with lines not reviewed yet is mailed once to confirm the purchase and review them. The mail's
 * job id derives from the order id (a pass repeated after a crash queues nothing twice), and
 * `shipment.reminderSentAt` is set after it is queued, so a pass never skips an order.
 */
export class PurchaseReminders {
  constructor(private readonly options: PurchaseReminderOptions) {}

  /** One pass over the orders due; returns how many it reminded. */
  async pass(now = new Date()): Promise<number> {
    const { orders, afterDays } = this.options;
    const due = await orders
      .find(
        {
          status: 'DELIVERED',
          'shipment.deliveredAt': { $lte: new Date(now.getTime() - afterDays * DAY_MS) },
          'shipment.reminderSentAt': null,
        },
        WITHOUT_OUTBOX,
      )
      .limit(BATCH)
      .lean<OrderDocument[]>();
    let reminded = 0;
    for (const order of due) {
      if (await this.remind(order)) reminded += 1;
      await orders.updateOne(
        { _id: order._id, 'shipment.reminderSentAt': null },
        { $set: { 'shipment.reminderSentAt': now } },
      );
    }
    return reminded;
  }

  private async remind(order: OrderDocument): Promise<boolean> {
    const orderId = order._id.toHexString();
    const reviewed = new Set(
      (await this.options.reviews.find({ orderId }, { productId: 1 }).lean()).map(
        (r) => r.productId,
      ),
    );
    const open = order.lines.filter((l) => l.status !== 'CANCELLED' && !reviewed.has(l.productId));
    if (!open.length) return false;
    const contact = order.buyerContact;
    await this.options.producer.sendEmail({
      eventId: `purchase-reminder-${orderId}`,
      to: contact.email,
      name: contact.name,
      locale: contact.locale,
      template: 'purchase-confirmation-reminder',
      orderNumber: order.number,
      products: open.map((line) => line.productName),
      reviewUrl: reviewUrlOf(this.options.storefrontUrl, orderId),
    });
    this.options.logger.info({ orderId }, 'purchase confirmation reminder queued');
    return true;
  }
}
