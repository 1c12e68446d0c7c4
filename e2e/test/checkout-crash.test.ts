import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { findFreePort, type RunningProcess } from '@shop/infra';
import { waitFor } from '@shop/testing';
import { startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import { killed, startOrdersProcess } from './orders-process';
import { ADDRESS, customer, dataOf, stockOf } from './checkout-fixtures';

describe('checkout survives the orders process being killed between any two steps', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let port: number;
  let orders: Connection;
  let running: RunningProcess | undefined;

  beforeAll(async () => {
    port = await findFreePort();
    stack = await startStack(
      {
        PAYMENT_STALE_AFTER_MS: '1000',
        PAYMENT_RECOVERY_INTERVAL_MS: '200',
        IDEMPOTENCY_LEASE_MS: '2000',
      },
      { external: { orders: port } },
    );
    catalog = await CartCatalog.seed(stack, 10);
    orders = await mongoose
      .createConnection(String(stack.env['MONGODB_URI']), {
        dbName: String(stack.env['ORDERS_DB']),
      })
      .asPromise();
  });
  afterEach(async () => {
    await running?.stop(2_000);
    running = undefined;
  });
  afterAll(async () => {
    await orders.close();
    await stack.stop();
  });

  const storedOrder = (id: string) =>
    orders.collection('orders').findOne({ _id: new mongoose.Types.ObjectId(id) });
  const moneyOf = async (userId: string) => ({
    available: (await orders.collection('balances').findOne({ _id: userId as never }))?.[
      'available'
    ],
    entries: (
      await orders.collection('balance_entries').find({ userId }).sort({ seq: 1 }).toArray()
    )
      .filter((entry) => entry['kind'] !== 'VOID')
      .map((entry) => [entry['kind'], entry['amount']]),
  });
  const reservationOf = async (orderId: string) =>
    (await stack.subgraphs.products.subgraph.models.reservations.findById(orderId).lean())?.status;

  /** A funded buyer with an order of 2 units of a product of 5 (23,000 KRW with shipping). */
  async function buyerWithOrder() {
    running = (await startOrdersProcess(stack, port)).child;
    const buyer = await customer(stack, 100_000);
    const product = await catalog.take({ price: 10_000, available: 5 });
    const input = { items: [{ productId: product, quantity: 2 }], shippingAddress: ADDRESS };
    const order = dataOf(await buyer.checkout.createOrder(input)).createOrder;
    await running.stop();
    return { buyer, product, order };
  }

  /** Pays with the process armed at `step`, kills it there, and starts it again unarmed. */
  async function payAndCrash(
    buyer: Awaited<ReturnType<typeof customer>>,
    orderId: string,
    step: string,
    key: string,
  ) {
    const armed = await startOrdersProcess(stack, port, step);
    running = armed.child;
    const answer = buyer.checkout.payOrder(orderId, { method: 'BALANCE' }, key);
    await armed.reached;
    await killed(armed.child);
    expect((await answer).errors).toBeDefined(); // the buyer saw the request fail
    running = (await startOrdersProcess(stack, port)).child;
  }

  it.each(['after-debit', 'after-capture', 'after-commit'])(
    'finishes a payment killed %s: PAID, the money taken once, the stock committed',
    async (step) => {
      const { buyer, product, order } = await buyerWithOrder();
      const key = randomUUID();
      await payAndCrash(buyer, order.id, step, key);
      const paid = await waitFor('recovery to finish the payment', async () => {
        const stored = await storedOrder(order.id);
        return stored?.['status'] === 'PAID' ? stored : undefined;
      });
      expect(
        paid['history'].map((change: { status: string; by: string }) => [change.status, change.by]),
      ).toEqual([
        ['PENDING_PAYMENT', buyer.id],
        ['PAID', 'system'],
      ]);
      expect(await moneyOf(buyer.id)).toEqual({
        available: 77_000,
        entries: [
          ['CHARGE', 100_000],
          ['PAYMENT', -23_000],
        ],
      });
      expect(await reservationOf(order.id)).toBe('COMMITTED');
      expect(await stockOf(stack, product)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
      // The buyer's retry with the same key answers the payment recovery finished.
      const retry = dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }, key));
      expect(retry.payOrder.payment.status).toBe('APPROVED');
      expect((await moneyOf(buyer.id)).entries).toHaveLength(2);
    },
    120_000,
  );

  it('gives up a payment killed before the debit, taking nothing; the retry pays once', async () => {
    const { buyer, product, order } = await buyerWithOrder();
    const key = randomUUID();
    await payAndCrash(buyer, order.id, 'after-intent', key);
    const unpaid = await waitFor('recovery to give the attempt up', async () => {
      const stored = await storedOrder(order.id);
      return stored && stored['payment'] === null ? stored : undefined;
    });
    expect(unpaid['status']).toBe('PENDING_PAYMENT');
    expect(unpaid['abandonedPayments']).toHaveLength(1);
    expect(await moneyOf(buyer.id)).toEqual({ available: 100_000, entries: [['CHARGE', 100_000]] });
    expect(await reservationOf(order.id)).toBe('RESERVED');
    expect(await stockOf(stack, product)).toMatchObject({ onHand: 5, reserved: 2 });
    const retry = dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }, key));
    expect(retry.payOrder.order.status).toBe('PAID');
    expect(await moneyOf(buyer.id)).toEqual({
      available: 77_000,
      entries: [
        ['CHARGE', 100_000],
        ['PAYMENT', -23_000],
      ],
    });
  }, 120_000);

  it('releases the stock of an order killed between its reservation and its writing', async () => {
    running = (await startOrdersProcess(stack, port)).child;
    const buyer = await customer(stack);
    await running.stop();
    const product = await catalog.take({ available: 5 });
    const armed = await startOrdersProcess(stack, port, 'after-reserve');
    running = armed.child;
    const input = { items: [{ productId: product, quantity: 3 }], shippingAddress: ADDRESS };
    const answer = buyer.checkout.createOrder(input, randomUUID());
    await armed.reached;
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 3, available: 2 });
    await killed(armed.child);
    expect((await answer).errors).toBeDefined();
    running = (await startOrdersProcess(stack, port)).child;
    await waitFor('recovery to release the reservation', async () => {
      const stock = await stockOf(stack, product);
      return stock.reserved === 0 ? true : undefined;
    });
    expect(await stockOf(stack, product)).toMatchObject({
      onHand: 5,
      reserved: 0,
      available: 5,
      holds: 0,
    });
    expect(await orders.collection('orders').countDocuments({ buyerId: buyer.id })).toBe(0);
  }, 120_000);
});
