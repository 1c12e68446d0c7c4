import { setTimeout as sleep } from 'node:timers/promises';
import { createQueue, ORDER_TIMEOUT_QUEUE, orderTimeoutJobId } from '@shop/jobs';
import { pgSandbox, waitFor } from '@shop/testing';
import { errorCodes, startStack, waitForMail, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import {
  customer,
  dataOf,
  reservationOf,
  stockOf,
  storedOrder,
  placeOrder,
} from './checkout-fixtures';

const WINDOW_SECONDS = 3;

describe('orders unpaid at payBy', () => {
  let stack: Stack;
  let catalog: CartCatalog;

  beforeAll(async () => {
    stack = await startStack(
      {
        ORDER_PAYMENT_WINDOW_SECONDS: String(WINDOW_SECONDS),
        ORDER_TIMEOUT_SWEEP_INTERVAL_MS: '500',
        PG_TIMEOUT_MS: '1000',
        PAYMENT_RECOVERY_INTERVAL_MS: '200',
        PAYMENT_STALE_AFTER_MS: '1000',
      },
      { workers: true },
    );
    catalog = await CartCatalog.seed(stack, 10);
  });
  afterAll(() => stack.stop());

  const cancelled = (orderId: string) =>
    waitFor(
      'the order to be cancelled',
      async () => {
        const order = await storedOrder(stack, orderId);
        return order?.status === 'CANCELLED' && order.reservation.status === 'RELEASED'
          ? order
          : undefined;
      },
      { timeoutMs: 20_000 },
    );

  it('cancels an order unpaid at payBy with PAYMENT_TIMEOUT, puts its stock back and tells the buyer', async () => {
    const buyer = await customer(stack, 100_000);
    const product = await catalog.take({ available: 5 });
    const order = await placeOrder(buyer.checkout, product);
    expect(Date.parse(order.payBy ?? '') - Date.parse(order.createdAt)).toBe(
      WINDOW_SECONDS * 1_000,
    );
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 2, available: 3 });
    const timedOut = await cancelled(order.id);
    expect(timedOut.history.map((change) => [change.status, change.by, change.reason])).toEqual([
      ['PENDING_PAYMENT', buyer.id, 'order placed'],
      ['CANCELLED', 'system', 'PAYMENT_TIMEOUT'],
    ]);
    expect(timedOut.history[1]?.at.getTime()).toBeGreaterThanOrEqual(Date.parse(order.payBy ?? ''));
    expect(await stockOf(stack, product)).toMatchObject({
      onHand: 5,
      reserved: 0,
      available: 5,
      holds: 0,
    });
    expect(await reservationOf(stack, order.id)).toBe('RELEASED');
    expect(errorCodes(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }))).toEqual([
      'INVALID_STATE_TRANSITION',
    ]);
    expect(dataOf(await buyer.checkout.myBalance()).myBalance.available.amount).toBe(100_000);
    const mail = await waitForMail(buyer.email, /취소되었습니다/);
    expect(mail.text).toContain('결제 기한이 지나 주문이 자동으로 취소되었습니다.');
  });

  it('cancels it even when its delayed job is lost: the sweeper is the safety net', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ available: 5 });
    const order = await placeOrder(buyer.checkout, product, 1);
    const queue = createQueue(ORDER_TIMEOUT_QUEUE, {
      redisUrl: String(stack.env['REDIS_URL']),
      prefix: String(stack.env['QUEUE_PREFIX']),
    });
    try {
      const job = await queue.getJob(orderTimeoutJobId(order.id));
      expect(await job?.isDelayed()).toBe(true);
      await job?.remove();
      expect(await queue.getJob(orderTimeoutJobId(order.id))).toBeUndefined();
    } finally {
      await queue.close();
    }
    await cancelled(order.id);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 5 });
  });

  it('cancels at the PG a card approval that arrives after the window closed, and cancels the order', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ price: 20_000, available: 5 });
    const order = await placeOrder(buyer.checkout, product, 1);
    await pgSandbox.setHangMs(2_000);
    try {
      const cardToken = await pgSandbox.tokenize(pgSandbox.cards.approvesAfterHang);
      const paying = buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken });
      // The PG records the approval at once and holds its answer; from then on, and until the
      // window has closed, the PG is unreachable to the reconciler (which asks only once the
      // confirm timed out, a second later).
      await waitFor('the PG to record the approval', async () =>
        (await pgSandbox.list()).some((payment) => payment.orderId === order.id) ? true : undefined,
      );
      await pgSandbox.failNext(1_000);
      expect(dataOf(await paying).payOrder.payment.status).toBe('PENDING');
      await sleep(Math.max(0, Date.parse(order.payBy ?? '') + 500 - Date.now()));
      await pgSandbox.failNext(0);
      const ended = await cancelled(order.id);
      expect(ended.payment).toMatchObject({ status: 'REFUNDED', refunded: { amount: 23_000 } });
      expect(ended.refunded.amount).toBe(23_000);
      expect(ended.history.map((change) => [change.status, change.reason])).toEqual([
        ['PENDING_PAYMENT', 'order placed'],
        ['CANCELLED', 'PAYMENT_TIMEOUT'],
      ]);
      const atPg = (await pgSandbox.list()).filter((payment) => payment.orderId === order.id);
      expect(atPg.map((payment) => [payment.status, payment.balanceAmount])).toEqual([
        ['CANCELED', 0],
      ]);
      expect(await stockOf(stack, product)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
      const mail = await waitForMail(buyer.email, /취소되었습니다/);
      expect(mail.text).toContain('결제하신 23,000원은 환불되었습니다.');
    } finally {
      await pgSandbox.failNext(0); // the sandbox is shared with the test files that follow
      await pgSandbox.setHangMs(30_000);
    }
  });
});
