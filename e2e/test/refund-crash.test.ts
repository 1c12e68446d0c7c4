import mongoose, { type Connection } from 'mongoose';
import { findFreePort, type RunningProcess } from '@shop/infra';
import { waitFor } from '@shop/testing';
import { startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import { killed, startOrdersProcess } from './orders-process';
import { ADDRESS, customer, dataOf, stockOf } from './checkout-fixtures';
import { fulfilmentClient } from './fulfilment-fixtures';

describe('the refund saga survives the orders process being killed between refund and restock', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let port: number;
  let orders: Connection;
  let running: RunningProcess | undefined;

  beforeAll(async () => {
    port = await findFreePort();
    stack = await startStack(
      { PAYMENT_STALE_AFTER_MS: '1000', PAYMENT_RECOVERY_INTERVAL_MS: '200' },
      { external: { orders: port } },
    );
    catalog = await CartCatalog.seed(stack, 5);
    orders = await mongoose
      .createConnection(String(stack.env['MONGODB_URI']), {
        dbName: String(stack.env['ORDERS_DB']),
      })
      .asPromise();
  }, 120_000);
  afterEach(async () => {
    await running?.stop(2_000);
    running = undefined;
  });
  afterAll(async () => {
    await orders.close();
    await stack.stop();
  });

  const refundsOf = async (userId: string) =>
    (await orders.collection('balance_entries').find({ userId, kind: 'REFUND' }).toArray()).map(
      (entry) => [entry['reference'], entry['amount']],
    );

  it('refunds exactly once and restocks exactly once after a kill right after the refund', async () => {
    running = (await startOrdersProcess(stack, port)).child;
    const buyer = await customer(stack, 100_000);
    const [a, b] = [
      await catalog.take({ price: 10_000, available: 10 }),
      await catalog.take({ price: 5_000, available: 10 }),
    ];
    const input = {
      items: [
        { productId: a, quantity: 2 },
        { productId: b, quantity: 1 },
      ],
      shippingAddress: ADDRESS,
    };
    const order = dataOf(await buyer.checkout.createOrder(input)).createOrder;
    dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }));
    expect(await stockOf(stack, a)).toMatchObject({ onHand: 8, available: 8 });
    await running.stop();

    const armed = await startOrdersProcess(stack, port, 'after-refund');
    running = armed.child;
    const client = fulfilmentClient(stack, buyer.accessToken);
    const answer = client.cancelOrderItems(order.id, [{ productId: a, quantity: 2 }], 'crash me');
    await armed.reached;
    // Killed with the money back on the balance, neither recorded on the order nor restocked.
    expect(await refundsOf(buyer.id)).toHaveLength(1);
    expect(await stockOf(stack, a)).toMatchObject({ onHand: 8 });
    await killed(armed.child);
    expect((await answer).errors).toBeDefined();
    running = (await startOrdersProcess(stack, port)).child;

    const settled = await waitFor(
      'recovery to finish the refund and the restock',
      async () => {
        const stored = await orders
          .collection('orders')
          .findOne({ _id: new mongoose.Types.ObjectId(order.id) });
        const record = stored?.['refunds']?.[0];
        return record?.refund === 'DONE' && record?.restock === 'DONE' ? stored : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const refundId = settled?.['refunds'][0].id as string;
    expect(await refundsOf(buyer.id)).toEqual([[`refund:${refundId}`, 20_000]]);
    expect(settled?.['status']).toBe('PARTIALLY_CANCELLED');
    expect(settled?.['payment']).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refunded: { amount: 20_000 },
    });
    expect(await stockOf(stack, a)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    const product = await stack.subgraphs.products.subgraph.models.products.findById(a).lean();
    expect(product?.restocks).toEqual([`${order.id}:${refundId}`]);
    // Recovery keeps passing over it: still once.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await refundsOf(buyer.id)).toHaveLength(1);
    expect(await stockOf(stack, a)).toMatchObject({ onHand: 10 });
    const balance = await orders.collection('balances').findOne({ _id: buyer.id as never });
    expect(balance?.['available']).toBe(100_000 - 28_000 + 20_000);
  }, 180_000);
});
