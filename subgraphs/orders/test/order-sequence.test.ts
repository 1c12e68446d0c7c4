import { orderStatusChanged } from '@shop/contracts';
import { AppError } from '@shop/errors';
import { writeSequenced } from '../src/order/order-sequence';
import { transition } from '../src/order/order-state';
import { orderDocument } from './support/order-builder';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('order events numbered per order', () => {
  let orders: OrdersUnderTest;
  beforeAll(async () => {
    orders = await startOrders();
  });
  afterAll(() => orders.stop());

  const outboxOf = async (id: unknown) =>
    ((await orders.subgraph.models.orders.findById(id).lean())?.outbox ?? []) as Array<{
      type: string;
      payload: { sequence?: number; to?: string };
    }>;

  it('gives 20 concurrent writes of one order the sequences 1 to 20, each once', async () => {
    const order = orderDocument({ status: 'SHIPPED' });
    await orders.subgraph.models.orders.create(order);
    const event = (sequence: number) =>
      orderStatusChanged.create({
        orderId: order._id.toHexString(),
        number: order.number,
        buyerId: order.buyerId,
        from: 'SHIPPED',
        to: 'SHIPPED',
        by: 'system',
        reason: null,
        at: new Date().toISOString(),
        sequence,
      });
    const written = await Promise.all(
      Array.from({ length: 20 }, () =>
        writeSequenced(orders.subgraph.models.orders, { _id: order._id }, { sequenced: [event] }),
      ),
    );
    expect(written.every(Boolean)).toBe(true);
    const sequences = (await outboxOf(order._id))
      .map((e) => e.payload.sequence)
      .sort((a, b) => a! - b!);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await orders.subgraph.models.orders.findById(order._id).lean())?.eventSequence).toBe(
      20,
    );
  });

  it('refuses a transition the table does not allow, changing nothing', async () => {
    const order = orderDocument({ status: 'PAID' });
    await orders.subgraph.models.orders.create(order);
    const before = await orders.subgraph.models.orders.findById(order._id).lean();
    const refused = transition(orders.subgraph.models.orders, order, {
      from: 'PAID',
      to: 'PREPARING',
      actor: { role: 'BUYER', id: order.buyerId },
      reason: null,
    });
    await expect(refused).rejects.toMatchObject({
      extensions: { code: 'INVALID_STATE_TRANSITION' },
    });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    expect(await orders.subgraph.models.orders.findById(order._id).lean()).toEqual(before);
  });

  it('numbers a status change and its fulfilment events in one write, after what came before', async () => {
    const order = orderDocument({ status: 'PAID', eventSequence: 3 });
    await orders.subgraph.models.orders.create(order);
    const moved = await transition(orders.subgraph.models.orders, order, {
      from: 'PAID',
      to: 'PREPARING',
      actor: { role: 'ADMIN', id: 'a'.repeat(24) },
      reason: null,
    });
    expect(moved?.eventSequence).toBe(4);
    expect(
      (await outboxOf(order._id)).map((e) => [e.type, e.payload.sequence, e.payload.to]),
    ).toEqual([['orders.order.statusChanged', 4, 'PREPARING']]);
    // A second mover that read PAID finds the order no longer as required: null, nothing written.
    const late = await transition(orders.subgraph.models.orders, order, {
      from: 'PAID',
      to: 'PREPARING',
      actor: { role: 'ADMIN', id: 'a'.repeat(24) },
      reason: null,
    });
    expect(late).toBeNull();
    expect(await outboxOf(order._id)).toHaveLength(1);
  });
});
