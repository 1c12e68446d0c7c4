import { Types } from 'mongoose';
import { ORDERS_INTERNAL } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { orderDocument, orderLine } from './support/order-builder';
import { startOrders } from './support/orders-under-test';

describe('internal order summaries', () => {
  it('answers who bought an order, what it holds and costs, null for unknown ids, only to support', async () => {
    const orders = await startOrders();
    try {
      const [first, second] = [new Types.ObjectId(), new Types.ObjectId()].map(String);
      const order = orderDocument({
        number: '20261123-000007',
        status: 'PAID',
        lines: [orderLine(first ?? '', 1, 9_000), orderLine(second ?? '', 1, 3_000)],
        createdAt: new Date('2026-11-23T01:00:00Z'),
      });
      await orders.subgraph.models.orders.create(order);
      const client = (caller: string) =>
        new InternalClient({
          baseUrl: new URL(orders.url).origin,
          caller,
          audience: 'orders',
          secret: orders.config.INTERNAL_API_SECRET,
        });
      const body = { ids: [order._id.toHexString(), new Types.ObjectId().toHexString()] };
      const answer = await client('support').post<{ orders: unknown[] }>(
        ORDERS_INTERNAL.summaries,
        body,
      );
      expect(answer.orders).toEqual([
        {
          id: order._id.toHexString(),
          number: '20261123-000007',
          buyerId: order.buyerId,
          status: 'PAID',
          total: { amount: 15_000, currency: 'KRW' },
          productIds: [first, second],
          createdAt: '2026-11-23T01:00:00.000Z',
        },
        null,
      ]);
      await expect(client('cart').post(ORDERS_INTERNAL.summaries, body)).rejects.toThrow(/401/);
    } finally {
      await orders.stop();
    }
  });
});
