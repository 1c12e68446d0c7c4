import { randomUUID } from 'node:crypto';
import { createSignedInUser, errorCodes, keepAliveClient, startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import {
  ADDRESS,
  checkoutClient,
  customer,
  dataOf,
  ledgerOf,
  reservationOf,
  stockOf,
  placeOrder,
} from './checkout-fixtures';

describe('checkout under concurrency', () => {
  let stack: Stack;
  let catalog: CartCatalog;

  beforeAll(async () => {
    stack = await startStack();
    catalog = await CartCatalog.seed(stack, 10);
  });
  afterAll(() => stack.stop());

  const orderOf = (productId: string, quantity = 1) => ({
    items: [{ productId, quantity }],
    shippingAddress: ADDRESS,
  });

  it('gives exactly 100 of 1,000 concurrent orders from 100 buyers for 100 units; the rest are OUT_OF_STOCK', async () => {
    const product = await catalog.take({ price: 5_000, available: 100 });
    // All 1,000 are issued at once; the pool bounds how many the one process holding the
    // gateway and the five subgraphs has in flight, as a load balancer's connection limit would.
    const pool = keepAliveClient(stack.gatewayUrl, 32);
    const buyers = await Promise.all(Array.from({ length: 100 }, () => createSignedInUser(stack)));
    const attempts = buyers.flatMap((buyer) =>
      Array.from({ length: 10 }, () => checkoutClient(stack, buyer.accessToken, pool.query)),
    );
    const results = await Promise.all(
      attempts.map((checkout) => checkout.createOrder(orderOf(product))),
    ).finally(() => pool.close());

    const placedOrders = results.flatMap((result) =>
      result.data?.createOrder ? [result.data.createOrder] : [],
    );
    const refusals = results.flatMap(errorCodes);
    expect(placedOrders).toHaveLength(100);
    expect(refusals).toHaveLength(900);
    expect(new Set(refusals)).toEqual(new Set(['OUT_OF_STOCK']));
    expect(new Set(placedOrders.map((order) => order.number)).size).toBe(100);
    expect(await stockOf(stack, product)).toEqual({
      onHand: 100,
      reserved: 100,
      available: 0,
      holds: 100,
    });
    const orders = stack.subgraphs.orders.subgraph.models.orders;
    expect(await orders.countDocuments({ 'lines.productId': product })).toBe(100);
    const reservations = stack.subgraphs.products.subgraph.models.reservations;
    expect(
      await reservations.countDocuments({ status: 'RESERVED', 'lines.productId': product }),
    ).toBe(100);
  }, 180_000);

  it('makes one order and one reservation of 50 concurrent identical createOrder with one key', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ available: 10 });
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => buyer.checkout.createOrder(orderOf(product, 2), key)),
    );
    const ids = new Set(results.map((result) => dataOf(result).createOrder.id));
    expect(ids.size).toBe(1);
    expect(dataOf(await buyer.checkout.myOrders()).myOrders.totalCount).toBe(1);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 2, available: 8, holds: 1 });
    const reservations = stack.subgraphs.products.subgraph.models.reservations;
    expect(await reservations.countDocuments({ 'lines.productId': product })).toBe(1);
  });

  it('debits once for 20 concurrent payOrder of one order, whatever their keys', async () => {
    const buyer = await customer(stack, 100_000);
    const product = await catalog.take({ price: 10_000, available: 10 });
    const order = await placeOrder(buyer.checkout, product, 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => buyer.checkout.payOrder(order.id, { method: 'BALANCE' })),
    );
    const approved = results.filter(
      (result) => result.data?.payOrder.payment.status === 'APPROVED',
    );
    expect(approved).toHaveLength(1);
    const refusals = results.flatMap(errorCodes);
    expect(refusals).toHaveLength(19);
    expect(
      refusals.every((code) => code === 'CONFLICT' || code === 'INVALID_STATE_TRANSITION'),
    ).toBe(true);
    expect(await ledgerOf(stack, buyer.id)).toEqual([
      ['CHARGE', 100_000, 100_000],
      ['PAYMENT', -13_000, 87_000],
    ]);
    expect(await stockOf(stack, product)).toMatchObject({ onHand: 9, reserved: 0 });
  });

  it('answers 20 concurrent payOrder of one order with one key with the same payment, debited once', async () => {
    const buyer = await customer(stack, 100_000);
    const product = await catalog.take({ price: 10_000, available: 10 });
    const order = await placeOrder(buyer.checkout, product, 1);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        buyer.checkout.payOrder(order.id, { method: 'BALANCE' }, key),
      ),
    );
    const payments = results.map((result) => dataOf(result).payOrder.payment);
    expect(new Set(payments.map((payment) => `${payment.id} ${payment.status}`))).toEqual(
      new Set([`${payments[0]?.id} APPROVED`]),
    );
    expect(await ledgerOf(stack, buyer.id)).toEqual([
      ['CHARGE', 100_000, 100_000],
      ['PAYMENT', -13_000, 87_000],
    ]);
  });

  it('pays exactly 5 of 20 concurrent orders of a buyer whose balance covers 5, never below zero', async () => {
    const buyer = await customer(stack, 5 * 13_000);
    const product = await catalog.take({ price: 10_000, available: 20 });
    const orders = [];
    for (let index = 0; index < 20; index += 1)
      orders.push(await placeOrder(buyer.checkout, product, 1));
    const results = await Promise.all(
      orders.map((order) => buyer.checkout.payOrder(order.id, { method: 'BALANCE' })),
    );
    const outcomes = results.map((result) => dataOf(result).payOrder);
    expect(outcomes.filter((outcome) => outcome.order.status === 'PAID')).toHaveLength(5);
    const failed = outcomes.filter((outcome) => outcome.order.status === 'PAYMENT_FAILED');
    expect(failed).toHaveLength(15);
    expect(new Set(failed.map((outcome) => outcome.payment.failureCode))).toEqual(
      new Set(['INSUFFICIENT_BALANCE']),
    );
    const ledger = await ledgerOf(stack, buyer.id);
    expect(ledger.map(([kind, amount]) => [kind, amount])).toEqual([
      ['CHARGE', 65_000],
      ...Array.from({ length: 5 }, () => ['PAYMENT', -13_000]),
    ]);
    expect(ledger.map(([, , after]) => after)).toEqual([65_000, 52_000, 39_000, 26_000, 13_000, 0]);
    expect(dataOf(await buyer.checkout.myBalance()).myBalance.available.amount).toBe(0);
    expect(await stockOf(stack, product)).toMatchObject({ onHand: 15, reserved: 0, available: 15 });
    const released = await Promise.all(
      failed.map((outcome) => reservationOf(stack, outcome.order.id)),
    );
    expect(new Set(released)).toEqual(new Set(['RELEASED']));
  });
});
