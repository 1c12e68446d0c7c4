import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataPlatform, pgSandbox, waitFor } from '@shop/testing';
import { errorCodes, startStack, waitForMail, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import {
  customer,
  dataOf,
  ledgerOf,
  reservationOf,
  stockOf,
  storedOrder,
  placeOrder,
} from './checkout-fixtures';

/** The PG sandbox's default hang, restored after tests that shorten it. */
const DEFAULT_HANG_MS = 30_000;

describe('payments that fail, hang or meet an outage', () => {
  let stack: Stack;
  let catalog: CartCatalog;

  beforeAll(async () => {
    stack = await startStack(
      {
        PG_TIMEOUT_MS: '1000',
        PAYMENT_RECOVERY_INTERVAL_MS: '200',
        PAYMENT_STALE_AFTER_MS: '1000',
        DATA_PLATFORM_REDRIVE_INTERVAL_MS: '500',
      },
      { workers: true },
    );
    catalog = await CartCatalog.seed(stack, 20);
  });
  afterAll(async () => {
    // The sandboxes are shared with the test files that follow: leave them as found.
    await pgSandbox.failNext(0);
    await pgSandbox.setHangMs(DEFAULT_HANG_MS);
    await dataPlatform.setOutage(false);
    await stack.stop();
  });

  const pgPaymentsOf = async (orderId: string) =>
    (await pgSandbox.list()).filter((payment) => payment.orderId === orderId);

  it.each([
    ['rejected', 'REJECT_CARD_PAYMENT', '카드사에서 결제를 거절했습니다.'],
    ['notEnoughBalance', 'NOT_ENOUGH_BALANCE', '카드 잔액 또는 한도가 부족합니다.'],
  ] as const)(
    'turns a %s card into PAYMENT_FAILED with the PG’s code, the stock back on sale and a mail',
    async (card, code, reason) => {
      const buyer = await customer(stack);
      const product = await catalog.take({ price: 10_000, available: 5 });
      const order = await placeOrder(buyer.checkout, product);
      const cardToken = await pgSandbox.tokenize(pgSandbox.cards[card]);
      const { payOrder } = dataOf(
        await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken }),
      );
      expect(payOrder.payment).toMatchObject({
        status: 'DECLINED',
        failureCode: code,
        approvedAt: null,
      });
      expect(payOrder.order.status).toBe('PAYMENT_FAILED');
      expect(payOrder.order.history.map((change) => [change.status, change.reason])).toEqual([
        ['PENDING_PAYMENT', 'order placed'],
        ['PAYMENT_FAILED', code],
      ]);
      expect(await stockOf(stack, product)).toMatchObject({
        onHand: 5,
        reserved: 0,
        available: 5,
        holds: 0,
      });
      expect(await reservationOf(stack, order.id)).toBe('RELEASED');
      expect((await pgPaymentsOf(order.id)).map((payment) => payment.status)).toEqual(['ABORTED']);
      const retry = await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken });
      expect(errorCodes(retry)).toEqual(['INVALID_STATE_TRANSITION']);
      const mail = await waitForMail(buyer.email, /결제에 실패했습니다/);
      expect(mail.text).toContain(reason);
    },
  );

  it('turns a balance that does not cover the order into PAYMENT_FAILED, taking nothing', async () => {
    const buyer = await customer(stack, 20_000);
    const product = await catalog.take({ price: 10_000, available: 5 });
    const order = await placeOrder(buyer.checkout, product); // 23,000 with shipping
    const { payOrder } = dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }));
    expect(payOrder.payment).toMatchObject({
      status: 'DECLINED',
      failureCode: 'INSUFFICIENT_BALANCE',
    });
    expect(payOrder.order.status).toBe('PAYMENT_FAILED');
    expect(await ledgerOf(stack, buyer.id)).toEqual([['CHARGE', 20_000, 20_000]]);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 5 });
    const mail = await waitForMail(buyer.email, /결제에 실패했습니다/);
    expect(mail.text).toContain('잔액이 결제 금액보다 부족합니다.');
  });

  it('reconciles a PG that answers after our timeout into exactly one charge and one PAID order', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ price: 30_000, available: 5 });
    const order = await placeOrder(buyer.checkout, product, 1);
    await pgSandbox.setHangMs(4_000);
    try {
      const cardToken = await pgSandbox.tokenize(pgSandbox.cards.approvesAfterHang);
      const key = randomUUID();
      const startedAt = Date.now();
      const { payOrder } = dataOf(
        await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken }, key),
      );
      expect(Date.now() - startedAt).toBeLessThan(3_500); // our timeout, not the PG's answer
      expect(payOrder.payment.status).toBe('PENDING');
      expect(payOrder.order.status).toBe('PENDING_PAYMENT');
      await waitFor('the reconciler to find the approval', async () =>
        (await storedOrder(stack, order.id))?.status === 'PAID' ? true : undefined,
      );
      const replay = dataOf(
        await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken }, key),
      );
      expect(replay.payOrder.payment).toMatchObject({
        status: 'APPROVED',
        amount: { amount: 33_000 },
      });
      await sleep(4_500); // the PG's held answer has gone out by now, to no one
      expect(
        (await pgPaymentsOf(order.id)).map((payment) => [payment.status, payment.balanceAmount]),
      ).toEqual([['DONE', 33_000]]);
      expect(await stockOf(stack, product)).toMatchObject({ onHand: 4, reserved: 0 });
      const stored = await storedOrder(stack, order.id);
      expect(stored?.history.map((change) => [change.status, change.by])).toEqual([
        ['PENDING_PAYMENT', buyer.id],
        ['PAID', 'system'],
      ]);
    } finally {
      await pgSandbox.setHangMs(DEFAULT_HANG_MS);
    }
  });

  it('gives up a card payment the PG never received, charges nothing, and lets the buyer pay again', async () => {
    const buyer = await customer(stack);
    const product = await catalog.take({ price: 15_000, available: 5 });
    const order = await placeOrder(buyer.checkout, product, 1);
    const cardToken = await pgSandbox.tokenize(pgSandbox.cards.approves);
    await pgSandbox.failNext(1);
    const { payOrder } = dataOf(
      await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken }),
    );
    expect(payOrder.payment.status).toBe('PENDING');
    const abandoned = await waitFor('the attempt to be given up', async () => {
      const stored = await storedOrder(stack, order.id);
      return stored && stored.payment === null ? stored : undefined;
    });
    expect(abandoned.status).toBe('PENDING_PAYMENT');
    expect(abandoned.abandonedPayments.map((attempt) => attempt.method)).toEqual(['CARD']);
    expect(await pgPaymentsOf(order.id)).toEqual([]);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 1 });
    const again = dataOf(await buyer.checkout.payOrder(order.id, { method: 'CARD', cardToken }));
    expect(again.payOrder.order.status).toBe('PAID');
    expect((await pgPaymentsOf(order.id)).map((payment) => payment.status)).toEqual(['DONE']);
  });

  it('checks out normally while the data platform is down; its events arrive once it is back', async () => {
    const buyer = await customer(stack, 100_000);
    const product = await catalog.take({ price: 10_000, available: 5 });
    await dataPlatform.setOutage(true);
    let orderId = '';
    try {
      const order = await placeOrder(buyer.checkout, product, 1);
      orderId = order.id;
      const { payOrder } = dataOf(await buyer.checkout.payOrder(order.id, { method: 'BALANCE' }));
      expect(payOrder.order.status).toBe('PAID');
      await waitForMail(buyer.email, /결제가 완료되었습니다/);
      await sleep(1_000);
    } finally {
      await dataPlatform.setOutage(false);
    }
    const ofOrder = async () =>
      (await dataPlatform.list()).filter(
        (delivery) => (delivery.event['payload'] as { orderId?: string }).orderId === orderId,
      );
    const delivered = await waitFor(
      'the order’s four events at the platform',
      async () => ((await ofOrder()).length >= 4 ? ofOrder() : undefined),
      { timeoutMs: 40_000 },
    );
    expect(delivered.map((delivery) => delivery.type).sort()).toEqual([
      'orders.order.created',
      'orders.order.paid',
      'orders.order.statusChanged',
      'payments.payment.succeeded',
    ]);
  });
});
