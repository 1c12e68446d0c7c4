import { Types } from 'mongoose';
import {
  createNotificationProducer,
  notificationJobId,
  type NotificationProducer,
} from '@shop/jobs';
import { PurchaseReminders } from '../src/fulfilment/purchase-reminder';
import { orderDocument, orderLine } from './support/order-builder';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('the purchase-confirmation reminder', () => {
  let orders: OrdersUnderTest;
  let producer: NotificationProducer;
  let reminders: PurchaseReminders;
  const now = new Date('2026-12-10T00:00:00.000Z');
  const day = 24 * 60 * 60_000;

  beforeAll(async () => {
    orders = await startOrders();
    producer = createNotificationProducer(orders.subgraph.runtime.queues);
    reminders = new PurchaseReminders({
      orders: orders.subgraph.models.orders,
      reviews: orders.subgraph.models.reviews,
      producer,
      logger: orders.subgraph.runtime.logger,
      afterDays: 7,
      storefrontUrl: 'http://shop.test',
    });
  });
  afterAll(async () => {
    await producer.close();
    await orders.stop();
  });

  const delivered = (daysAgo: number, productIds: string[]) =>
    orderDocument({
      status: 'DELIVERED',
      lines: productIds.map((id) => orderLine(id)),
      shipment: {
        carrier: 'CJ',
        trackingNumber: `T${new Types.ObjectId().toHexString()}`,
        trackingUrl: 'http://carrier.test/t',
        estimatedDeliveryAt: now,
        shippedAt: now,
        deliveredAt: new Date(now.getTime() - daysAgo * day),
        lastEvent: 'DELIVERED',
        events: [],
        eventIds: [],
      },
    });
  const jobOf = (orderId: string) =>
    producer.emailQueue.getJob(notificationJobId('email', `purchase-reminder-${orderId}`));

  it('mails once, 7 days after delivery, the lines not reviewed yet; never an order not due or all reviewed', async () => {
    const [p1, p2] = [new Types.ObjectId().toHexString(), new Types.ObjectId().toHexString()];
    const due = delivered(8, [p1, p2]);
    const early = delivered(3, [p1]);
    const reviewed = delivered(9, [p1]);
    await orders.subgraph.models.orders.insertMany([due, early, reviewed]);
    await orders.subgraph.models.reviews.create({
      orderId: reviewed._id.toHexString(),
      productId: p1,
      buyerId: reviewed.buyerId,
      authorName: 'Buyer',
      rating: 5,
      body: 'good',
    });
    await orders.subgraph.models.reviews.create({
      orderId: due._id.toHexString(),
      productId: p1,
      buyerId: due.buyerId,
      authorName: 'Buyer',
      rating: 4,
      body: 'ok',
    });

    expect(await reminders.pass(now)).toBe(1);
    expect(await reminders.pass(now)).toBe(0);
    const job = await jobOf(due._id.toHexString());
    expect(job?.data).toMatchObject({
      template: 'purchase-confirmation-reminder',
      to: 'buyer@example.test',
      products: [due.lines[1]?.productName],
      reviewUrl: `http://shop.test/orders/${due._id.toHexString()}/review`,
    });
    expect(await jobOf(early._id.toHexString())).toBeUndefined();
    expect(await jobOf(reviewed._id.toHexString())).toBeUndefined();
    const stored = await orders.subgraph.models.orders.findById(early._id).lean();
    expect(stored?.shipment?.reminderSentAt ?? null).toBeNull();
  });
});
