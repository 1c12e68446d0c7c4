import { mailSink, pgSandbox, waitFor } from '@shop/testing';
import { createSignedInUser, startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import { customer, dataOf, ledgerOf, stockOf, storedOrder } from './checkout-fixtures';
import { campaignInput, couponClient } from './coupon-fixtures';
import { codeOf, fulfilmentClient, paidOrder, productsPriced } from './fulfilment-fixtures';

/**
 * A running 10% campaign on the given products, issued by an ADMIN. On the order below:
 * 10,000 × 1 + 7,000 × 2 + 3,333 × 3 = 33,999; 10% = 3,399 off, allocated by the largest remainders 1,000 / 1,399 / 1,000;
 * shipping 3,000 (below 50,000); total 33,600.
 */
async function tenPercentCampaign(stack: Stack, productIds: string[]): Promise<string> {
  const admin = await createSignedInUser(stack, { roles: ['ADMIN'] });
  const campaign = await couponClient(stack, admin.accessToken).createCampaign(
    campaignInput({ value: 10, productIds }),
  );
  return dataOf(campaign).createCouponCampaign.id;
}

describe('cancelling paid orders: partial refunds to the won, restock, shipping with the last line', () => {
  let stack: Stack;
  let catalog: CartCatalog;

  beforeAll(async () => {
    stack = await startStack({}, { workers: true });
    catalog = await CartCatalog.seed(stack, 20);
  }, 120_000);
  afterAll(async () => {
    await stack.stop();
  });

  it('refunds one line of a 3-line order paid with a 10% coupon exactly, then the rest with shipping', async () => {
    const [a, b, c] = await productsPriced(catalog, [10_000, 7_000, 3_333]);
    const lines = [
      { productId: a!, quantity: 1 },
      { productId: b!, quantity: 2 },
      { productId: c!, quantity: 3 },
    ];
    const { buyer, order, client } = await paidOrder(stack, lines, {
      campaignId: await tenPercentCampaign(stack, [a!, b!, c!]),
    });
    expect(order.total.amount).toBe(33_600);
    expect(
      (await storedOrder(stack, order.id))?.lines.map((line) => line.discountShare.amount),
    ).toEqual([1_000, 1_399, 1_000]);
    expect(await stockOf(stack, b!)).toMatchObject({ onHand: 18, available: 18 });

    // More units than remain, or a product not in the order: refused, nothing changes.
    expect(codeOf(await client.cancelOrderItems(order.id, [{ productId: b!, quantity: 3 }]))).toBe(
      'BAD_USER_INPUT',
    );
    const stranger = fulfilmentClient(stack, (await customer(stack)).accessToken);
    expect(
      codeOf(await stranger.cancelOrderItems(order.id, [{ productId: b!, quantity: 1 }])),
    ).toBe('NOT_FOUND');
    expect(codeOf(await stranger.cancelOrder(order.id))).toBe('NOT_FOUND');
    expect((await storedOrder(stack, order.id))?.status).toBe('PAID');

    const partly = dataOf(
      await client.cancelOrderItems(order.id, [{ productId: b!, quantity: 2 }], 'too many'),
    ).cancelOrderItems;
    expect(partly.status).toBe('PARTIALLY_CANCELLED');
    expect(partly.items.map((i) => [i.product.id, i.cancelledQuantity, i.status])).toEqual([
      [a, 0, 'ORDERED'],
      [b, 2, 'CANCELLED'],
      [c, 0, 'ORDERED'],
    ]);
    expect(partly.cancellations).toEqual([
      expect.objectContaining({
        productId: b,
        quantity: 2,
        refund: { amount: 12_601 },
        cancelledBy: buyer.id,
      }),
    ]);
    expect(partly.refunded.amount).toBe(12_601);
    expect(partly.payment).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refunded: { amount: 12_601 },
    });
    expect(await stockOf(stack, b!)).toMatchObject({ onHand: 20, available: 20 });
    expect(await stockOf(stack, a!)).toMatchObject({ onHand: 19 });
    expect(await ledgerOf(stack, buyer.id)).toEqual([
      ['CHARGE', 500_000, 500_000],
      ['PAYMENT', -33_600, 466_400],
      ['REFUND', 12_601, 479_001],
    ]);
    const mail = await waitFor('the partial cancellation mail', async () =>
      (await mailSink.list()).find((m) => m.to.includes(buyer.email) && m.text.includes('12,601')),
    );
    expect(mail.subject).toContain(order.number);

    const rest = dataOf(await client.cancelOrder(order.id, 'changed my mind')).cancelOrder;
    expect(rest.status).toBe('CANCELLED');
    // 14,000 − 1,399, then 10,000 − 1,000 and 9,999 − 1,000 with the 3,000 of shipping with the
    // last line: 33,600 in all, to the won.
    expect(rest.cancellations.map((x) => [x.productId, x.quantity, x.refund.amount])).toEqual([
      [b, 2, 12_601],
      [a, 1, 9_000],
      [c, 3, 11_999],
    ]);
    expect(rest.refunded.amount).toBe(33_600);
    expect(rest.payment).toMatchObject({ status: 'REFUNDED', refunded: { amount: 33_600 } });
    expect((await ledgerOf(stack, buyer.id)).at(-1)).toEqual(['REFUND', 20_999, 500_000]);
    expect(await ledgerOf(stack, buyer.id)).toHaveLength(4);
    // Fully cancelled while the coupon is still valid: the buyer has it back.
    const couponId = (await storedOrder(stack, order.id))?.couponId;
    await waitFor('the coupon given back', async () => {
      const mine = dataOf(await couponClient(stack, buyer.accessToken).myCoupons()).myCoupons;
      return mine.some((coupon) => coupon.id === couponId) ? true : undefined;
    });
    for (const [id, onHand] of [
      [a, 20],
      [b, 20],
      [c, 20],
    ] as const) {
      expect(await stockOf(stack, id!)).toMatchObject({ onHand, reserved: 0, available: onHand });
    }
    // Nothing left to cancel: a cancelled order is final.
    expect(codeOf(await client.cancelOrder(order.id))).toBe('INVALID_STATE_TRANSITION');
  }, 120_000);

  it('gives a card payment back as one partial cancel at the PG per cancellation', async () => {
    const [p, q] = await productsPriced(catalog, [20_000, 15_000]);
    const card = await pgSandbox.tokenize(pgSandbox.cards.approves);
    const { order, client } = await paidOrder(
      stack,
      [
        { productId: p!, quantity: 1 },
        { productId: q!, quantity: 1 },
      ],
      { card },
    );
    dataOf(await client.cancelOrderItems(order.id, [{ productId: q!, quantity: 1 }]));
    const atPg = (await pgSandbox.list()).filter((payment) => payment.orderId === order.id);
    expect(atPg).toHaveLength(1);
    expect(atPg[0]?.cancels.map((x) => x.cancelAmount)).toEqual([15_000]);
    // 20,000 + 15,000 + 3,000 shipping paid; 15,000 back, the shipping fee stays with the rest.
    expect(atPg[0]).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 23_000 });
    expect(await stockOf(stack, q!)).toMatchObject({ onHand: 20 });
  }, 60_000);

  it('records staff as cancelledBy, and nobody cancels a shipped order', async () => {
    const [p] = await productsPriced(catalog, [8_000]);
    const agent = await createSignedInUser(stack, { roles: ['AGENT'] });
    const agentClient = fulfilmentClient(stack, agent.accessToken);
    const first = await paidOrder(stack, [{ productId: p!, quantity: 1 }]);
    const cancelled = dataOf(
      await agentClient.cancelOrder(first.order.id, 'customer called'),
    ).cancelOrder;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancellations[0]).toMatchObject({
      cancelledBy: agent.id,
      refund: { amount: 11_000 },
    });
    expect(cancelled.history.at(-1)).toEqual({
      status: 'CANCELLED',
      by: agent.id,
      reason: 'customer called',
    });

    const admin = fulfilmentClient(
      stack,
      (await createSignedInUser(stack, { roles: ['ADMIN'] })).accessToken,
    );
    const second = await paidOrder(stack, [{ productId: p!, quantity: 1 }]);
    dataOf(await admin.startPreparingOrder(second.order.id));
    dataOf(await admin.shipOrder(second.order.id, { carrier: 'POST' }));
    const before = await storedOrder(stack, second.order.id);
    expect(codeOf(await second.client.cancelOrder(second.order.id))).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(
      codeOf(
        await second.client.cancelOrderItems(second.order.id, [{ productId: p!, quantity: 1 }]),
      ),
    ).toBe('INVALID_STATE_TRANSITION');
    expect(codeOf(await agentClient.cancelOrder(second.order.id))).toBe('INVALID_STATE_TRANSITION');
    const after = await storedOrder(stack, second.order.id);
    expect(after?.status).toBe('SHIPPED');
    expect(after?.eventSequence).toBe(before?.eventSequence);
    expect(await ledgerOf(stack, second.buyer.id)).toHaveLength(2);
  }, 60_000);

  it('refunds once when the same line is cancelled ten times at once', async () => {
    const [p, q] = await productsPriced(catalog, [6_000, 4_000]);
    const { buyer, order, client } = await paidOrder(stack, [
      { productId: p!, quantity: 2 },
      { productId: q!, quantity: 1 },
    ]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.cancelOrderItems(order.id, [{ productId: p!, quantity: 2 }]),
      ),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    const refused = new Set(answers.filter((a) => a.errors).map((a) => codeOf(a)));
    expect([...refused].every((code) => ['CONFLICT', 'BAD_USER_INPUT'].includes(code!))).toBe(true);
    expect((await ledgerOf(stack, buyer.id)).filter(([kind]) => kind === 'REFUND')).toEqual([
      ['REFUND', 12_000, 500_000 - 19_000 + 12_000],
    ]);
    expect(await stockOf(stack, p!)).toMatchObject({ onHand: 20, available: 20 });
    const stored = await storedOrder(stack, order.id);
    expect(stored?.cancellations).toHaveLength(1);
    expect(stored?.status).toBe('PARTIALLY_CANCELLED');
  }, 60_000);
});
