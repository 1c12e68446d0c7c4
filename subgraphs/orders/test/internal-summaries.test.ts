import { Types } from 'mongoose';
import { ORDERS_INTERNAL } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { startSubgraphForTest } from '@shop/subgraph-testing';
import { ordersSubgraph, loadOrdersConfig } from '../src/server';

describe('internal order summaries', () => {
  it('answers who bought an order and what it cost, null for unknown ids, only to support', async () => {
    const orders = await startSubgraphForTest(ordersSubgraph, loadOrdersConfig);
    try {
      const id = new Types.ObjectId();
      const buyerId = new Types.ObjectId().toHexString();
      await orders.subgraph.models.orders.collection.insertOne({
        _id: id,
        number: '20261123-000007',
        userId: buyerId,
        status: 'PAID',
        total: { amount: 12_000, currency: 'KRW' },
        createdAt: new Date('2026-11-23T01:00:00Z'),
        updatedAt: new Date(),
      });
      const client = (caller: string) =>
        new InternalClient({
          baseUrl: orders.origin,
          caller,
          audience: 'orders',
          secret: orders.config.INTERNAL_API_SECRET,
        });
      const body = { ids: [id.toHexString(), new Types.ObjectId().toHexString()] };
      const answer = await client('support').post<{ orders: unknown[] }>(
        ORDERS_INTERNAL.summaries,
        body,
      );
      expect(answer.orders).toEqual([
        {
          id: id.toHexString(),
          number: '20261123-000007',
          buyerId,
          status: 'PAID',
          total: { amount: 12_000, currency: 'KRW' },
          productIds: [],
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
