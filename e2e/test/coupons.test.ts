import { Types } from 'mongoose';
import { orderStatusChanged } from '@shop/contracts';
import { dataPlatform, pgSandbox, waitFor } from '@shop/testing';
import { createSignedInUser, errorCodes, startStack, type Stack, type TestUser } from '../src';
import { CartCatalog, cartClient } from './cart-fixtures';
import { ADDRESS, customer, dataOf, stockOf, storedOrder } from './checkout-fixtures';
import {
  campaignInput,
  couponClient,
  giveToSeller,
  storedCoupon,
  type CouponClient,
} from './coupon-fixtures';

describe('first-come coupons through the gateway', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let seller: TestUser & { coupons: CouponClient };
  let otherSeller: TestUser & { coupons: CouponClient };
  let admin: TestUser & { coupons: CouponClient };

  const withCoupons = async (roles: Array<'SELLER' | 'ADMIN' | 'CUSTOMER' | 'AGENT'>) => {
    const user = await createSignedInUser(stack, { roles });
    return { ...user, coupons: couponClient(stack, user.accessToken) };
  };
  const buyer = async (balance = 0) => {
    const user = await customer(stack, balance);
    return { ...user, coupons: couponClient(stack, user.accessToken) };
  };
  const order = (items: Array<[string, number]>, couponId?: string) => ({
    items: items.map(([productId, quantity]) => ({ productId, quantity })),
    shippingAddress: ADDRESS,
    ...(couponId ? { couponId } : {}),
  });
  const campaignCount = () =>
    stack.subgraphs.orders.subgraph.models.couponCampaigns.countDocuments();

  beforeAll(async () => {
    stack = await startStack({}, { workers: true });
    catalog = await CartCatalog.seed(stack, 40);
    seller = await withCoupons(['SELLER']);
    otherSeller = await withCoupons(['SELLER']);
    admin = await withCoupons(['ADMIN']);
  });
  afterAll(() => stack.stop());

  it('lets a seller run a campaign: customers claim, remaining counts down, myCoupons lists it, events go out', async () => {
    const product = await catalog.take();
    await giveToSeller(stack, seller.id, [product]);
    const { createCouponCampaign: campaign } = dataOf(
      await seller.coupons.createCampaign(
        campaignInput({
          name: '가을 20%',
          value: 20,
          maxDiscount: 5_000,
          quantity: 3,
          validDays: 7,
          productIds: [product],
          endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        }),
      ),
    );
    expect(campaign).toMatchObject({
      name: '가을 20%',
      kind: 'PERCENT',
      value: 20,
      maxDiscount: 5_000,
      minOrderAmount: 0,
      quantity: 3,
      remaining: 3,
      issuer: { id: seller.id },
    });
    const customers = await Promise.all([buyer(), buyer(), buyer()]);
    const remainingAfter: number[] = [];
    for (const one of customers) {
      const { claimCoupon: coupon } = dataOf(await one.coupons.claim(campaign.id));
      expect(coupon).toMatchObject({ status: 'AVAILABLE', usedAt: null, orderId: null });
      expect(Date.parse(coupon.expiresAt) - Date.parse(coupon.claimedAt)).toBe(7 * 86_400_000);
      remainingAfter.push(
        dataOf(await one.coupons.campaign(campaign.id)).couponCampaign?.remaining ?? -1,
      );
    }
    expect(remainingAfter).toEqual([2, 1, 0]);
    const late = await buyer();
    const refused = await late.coupons.claim(campaign.id);
    expect(errorCodes(refused)).toEqual(['COUPON_SOLD_OUT']);
    expect(refused.errors?.[0]?.message).toContain('선착순 마감');
    expect(errorCodes(await customers[0]!.coupons.claim(campaign.id))).toEqual([
      'COUPON_ALREADY_CLAIMED',
    ]);

    const mine = dataOf(await customers[0]!.coupons.myCoupons()).myCoupons;
    expect(mine.map((coupon) => [coupon.campaign.name, coupon.campaign.value])).toEqual([
      ['가을 20%', 20],
    ]);
    expect(dataOf(await late.coupons.myCoupons()).myCoupons).toEqual([]);
    const active = dataOf(await late.coupons.active()).activeCouponCampaigns;
    expect(active.find((one) => one.id === campaign.id)).toEqual({ id: campaign.id, remaining: 0 });
    expect(errorCodes(await couponClient(stack).claim(campaign.id))).toEqual(['UNAUTHENTICATED']);

    const issued = await waitFor('three coupons.coupon.issued at the data platform', async () => {
      const events = (await dataPlatform.list({ type: 'coupons.coupon.issued' })).filter(
        (delivery) =>
          (delivery.event['payload'] as { campaignId?: string }).campaignId === campaign.id,
      );
      return events.length === 3 ? events : undefined;
    });
    expect(
      issued
        .map((delivery) => (delivery.event['payload'] as { customerId: string }).customerId)
        .sort(),
    ).toEqual(customers.map((one) => one.id).sort());
  });

  it('refuses bad campaigns with BAD_USER_INPUT, other roles with FORBIDDEN, and creates nothing', async () => {
    const mine = await catalog.take();
    const theirs = await catalog.take();
    await giveToSeller(stack, seller.id, [mine]);
    await giveToSeller(stack, otherSeller.id, [theirs]);
    const before = await campaignCount();
    const now = Date.now();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ value: -10 }, 'input.value'],
      [{ value: 0 }, 'input.value'],
      [{ value: 101 }, 'input.value'],
      [{ kind: 'FIXED', value: 0 }, 'input.value'],
      [{ quantity: 0 }, 'input.quantity'],
      [{ quantity: 1_000_001 }, 'input.quantity'],
      [{ minOrderAmount: -1 }, 'input.minOrderAmount'],
      [
        { startsAt: new Date(now).toISOString(), endsAt: new Date(now - 1_000).toISOString() },
        'input.endsAt',
      ],
      [{ productIds: [theirs] }, 'input.productIds'],
      [{ productIds: [mine, theirs] }, 'input.productIds'],
    ];
    for (const [terms, field] of bad) {
      const result = await seller.coupons.createCampaign(campaignInput(terms));
      expect([errorCodes(result), result.errors?.[0]?.extensions?.['field']]).toEqual([
        ['BAD_USER_INPUT'],
        field,
      ]);
    }
    const customerOnly = await withCoupons(['CUSTOMER']);
    expect(errorCodes(await customerOnly.coupons.createCampaign(campaignInput()))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await couponClient(stack).createCampaign(campaignInput()))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await campaignCount()).toBe(before);
    for (const first of [0, 101]) {
      expect(errorCodes(await customerOnly.coupons.active(first))).toEqual(['BAD_USER_INPUT']);
    }
    // An ADMIN may name any product.
    dataOf(await admin.coupons.createCampaign(campaignInput({ productIds: [mine, theirs] })));
    expect(await campaignCount()).toBe(before + 1);
  });

  it('answers COUPON_EXPIRED before the start and after the end', async () => {
    const hour = 3_600_000;
    const { createCouponCampaign: future } = dataOf(
      await admin.coupons.createCampaign(
        campaignInput({
          startsAt: new Date(Date.now() + hour).toISOString(),
          endsAt: new Date(Date.now() + 2 * hour).toISOString(),
        }),
      ),
    );
    const { createCouponCampaign: past } = dataOf(
      await admin.coupons.createCampaign(
        campaignInput({
          startsAt: new Date(Date.now() - 2 * hour).toISOString(),
          endsAt: new Date(Date.now() - hour).toISOString(),
        }),
      ),
    );
    const one = await buyer();
    expect(errorCodes(await one.coupons.claim(future.id))).toEqual(['COUPON_EXPIRED']);
    expect(errorCodes(await one.coupons.claim(past.id))).toEqual(['COUPON_EXPIRED']);
    expect(errorCodes(await one.coupons.claim(new Types.ObjectId().toHexString()))).toEqual([
      'NOT_FOUND',
    ]);
    expect(dataOf(await one.coupons.campaign(future.id)).couponCampaign?.remaining).toBe(10);
    expect(dataOf(await one.coupons.myCoupons()).myCoupons).toEqual([]);
  });

  it('takes the exact discount at createOrder: PERCENT with its cap, on eligible lines only, split over them', async () => {
    const [a, c, b] = [
      await catalog.take({ price: 10_000 }),
      await catalog.take({ price: 7_000 }),
      await catalog.take({ price: 20_000 }),
    ];
    await giveToSeller(stack, seller.id, [a, c]);
    await giveToSeller(stack, otherSeller.id, [b]);
    const { createCouponCampaign: campaign } = dataOf(
      await seller.coupons.createCampaign(campaignInput({ value: 20, maxDiscount: 4_000 })),
    );
    const one = await buyer(100_000);
    const coupon = dataOf(await one.coupons.claim(campaign.id)).claimCoupon;
    const cart = cartClient(stack, one.accessToken);
    dataOf(await cart.add(a, 1));
    dataOf(await cart.add(c, 2));
    dataOf(await cart.add(b, 1));
    // The quote for the cart as it stands: 20% of 24,000 eligible is 4,800, capped at 4,000.
    expect(dataOf(await one.coupons.quotes()).myCart.couponQuotes).toEqual([
      {
        coupon: { id: coupon.id },
        applicable: true,
        reason: null,
        discount: { amount: 4_000, currency: 'KRW' },
      },
    ]);

    const placed = dataOf(
      await one.checkout.createOrder({ shippingAddress: ADDRESS, couponId: coupon.id }),
    ).createOrder;
    expect(placed).toMatchObject({
      subtotal: { amount: 44_000 },
      shippingFee: { amount: 3_000 },
      discount: { amount: 4_000 },
      total: { amount: 43_000 },
    });
    const stored = await storedOrder(stack, placed.id);
    expect(stored?.couponId).toBe(coupon.id);
    expect(stored?.lines.map((line) => [line.productId, line.discountShare.amount])).toEqual([
      [a, 1_667],
      [c, 2_333],
      [b, 0],
    ]);
    // Held for this order: no longer usable elsewhere, and no longer quoted.
    expect(dataOf(await one.coupons.myCoupons()).myCoupons).toEqual([]);
    expect(dataOf(await one.coupons.orderCoupon(placed.id)).order).toMatchObject({
      discount: { amount: 4_000 },
      coupon: { id: coupon.id, status: 'AVAILABLE', orderId: placed.id, usedAt: null },
    });
    const again = await one.checkout.createOrder(order([[a, 1]], coupon.id));
    expect(errorCodes(again)).toEqual(['COUPON_NOT_APPLICABLE']);
  });

  it('takes a FIXED amount, refuses a coupon below its minimum or without an eligible product, and reserves nothing then', async () => {
    const cheap = await catalog.take({ price: 15_000, available: 5 });
    const dear = await catalog.take({ price: 25_000, available: 5 });
    const foreign = await catalog.take({ price: 30_000, available: 5 });
    await giveToSeller(stack, otherSeller.id, [foreign]);
    const fixed = dataOf(
      await admin.coupons.createCampaign(
        campaignInput({ kind: 'FIXED', value: 3_000, minOrderAmount: 20_000 }),
      ),
    ).createCouponCampaign;
    const sellers = dataOf(
      await seller.coupons.createCampaign(campaignInput()),
    ).createCouponCampaign;
    const one = await buyer();
    const fixedCoupon = dataOf(await one.coupons.claim(fixed.id)).claimCoupon;
    // validDays (30 by default) never reach past the campaign's end, a day from now.
    expect(fixedCoupon.expiresAt).toBe(fixed.endsAt);
    const sellerCoupon = dataOf(await one.coupons.claim(sellers.id)).claimCoupon;

    const short = await one.checkout.createOrder(order([[cheap, 1]], fixedCoupon.id));
    expect(errorCodes(short)).toEqual(['COUPON_NOT_APPLICABLE']);
    expect(short.errors?.[0]?.message).toContain('at least 20000');
    const notCovered = await one.checkout.createOrder(order([[foreign, 1]], sellerCoupon.id));
    expect(errorCodes(notCovered)).toEqual(['COUPON_NOT_APPLICABLE']);
    expect(notCovered.errors?.[0]?.message).toContain('No product of this order is covered');
    // The cart's quotes say the same before checkout.
    dataOf(await cartClient(stack, one.accessToken).add(cheap, 1));
    const quotes = dataOf(await one.coupons.quotes()).myCart.couponQuotes;
    expect(
      quotes.map((quote) => [quote.coupon.id, quote.applicable, quote.discount.amount]),
    ).toEqual(
      expect.arrayContaining([
        [fixedCoupon.id, false, 0],
        [sellerCoupon.id, false, 0],
      ]),
    );
    expect(quotes.find((quote) => quote.coupon.id === fixedCoupon.id)?.reason).toContain(
      'at least 20000',
    );
    expect(await stockOf(stack, cheap)).toMatchObject({ reserved: 0, available: 5 });
    expect(await stockOf(stack, foreign)).toMatchObject({ reserved: 0, available: 5 });
    expect(dataOf(await one.checkout.myOrders()).myOrders.totalCount).toBe(0);

    const placed = dataOf(
      await one.checkout.createOrder(order([[dear, 1]], fixedCoupon.id)),
    ).createOrder;
    expect(placed).toMatchObject({
      subtotal: { amount: 25_000 },
      shippingFee: { amount: 3_000 },
      discount: { amount: 3_000 },
      total: { amount: 25_000 },
    });
    expect((await storedOrder(stack, placed.id))?.lines[0]?.discountShare.amount).toBe(3_000);
  });

  it('marks the coupon USED when the order is paid: it leaves myCoupons and coupons.coupon.used goes out', async () => {
    const product = await catalog.take({ price: 40_000 });
    const campaign = dataOf(
      await admin.coupons.createCampaign(campaignInput({ value: 15 })),
    ).createCouponCampaign;
    const one = await buyer(100_000);
    const coupon = dataOf(await one.coupons.claim(campaign.id)).claimCoupon;
    const placed = dataOf(
      await one.checkout.createOrder(order([[product, 1]], coupon.id)),
    ).createOrder;
    expect(placed).toMatchObject({ discount: { amount: 6_000 }, total: { amount: 37_000 } });
    const paid = dataOf(await one.checkout.payOrder(placed.id, { method: 'BALANCE' })).payOrder;
    expect(paid.payment.amount.amount).toBe(37_000);
    expect(dataOf(await one.checkout.myBalance()).myBalance.available.amount).toBe(63_000);

    const used = dataOf(await one.coupons.orderCoupon(placed.id)).order?.coupon;
    expect(used).toMatchObject({ id: coupon.id, status: 'USED', orderId: placed.id });
    expect(Date.parse(used?.usedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(placed.createdAt));
    expect(dataOf(await one.coupons.myCoupons()).myCoupons).toEqual([]);
    const event = await waitFor('coupons.coupon.used at the data platform', async () =>
      (await dataPlatform.list({ type: 'coupons.coupon.used' })).find(
        (delivery) => (delivery.event['payload'] as { couponId?: string }).couponId === coupon.id,
      ),
    );
    expect(event.event['payload']).toMatchObject({
      orderId: placed.id,
      customerId: one.id,
      campaignId: campaign.id,
      discount: { amount: 6_000, currency: 'KRW' },
    });
  });

  it('gives the coupon back when the card is declined, and when the buyer cancels before paying', async () => {
    const product = await catalog.take({ price: 20_000 });
    const campaign = dataOf(
      await admin.coupons.createCampaign(campaignInput({ kind: 'FIXED', value: 2_000 })),
    ).createCouponCampaign;
    const one = await buyer();
    const coupon = dataOf(await one.coupons.claim(campaign.id)).claimCoupon;

    const first = dataOf(
      await one.checkout.createOrder(order([[product, 1]], coupon.id)),
    ).createOrder;
    const cardToken = await pgSandbox.tokenize(pgSandbox.cards.rejected);
    const declined = dataOf(await one.checkout.payOrder(first.id, { method: 'CARD', cardToken }));
    expect(declined.payOrder.order.status).toBe('PAYMENT_FAILED');
    expect(
      dataOf(await one.coupons.myCoupons()).myCoupons.map((c) => [c.id, c.status, c.orderId]),
    ).toEqual([[coupon.id, 'AVAILABLE', null]]);

    const second = dataOf(
      await one.checkout.createOrder(order([[product, 1]], coupon.id)),
    ).createOrder;
    expect(second.discount.amount).toBe(2_000);
    expect(dataOf(await one.coupons.myCoupons()).myCoupons).toEqual([]);
    expect(
      dataOf(await one.checkout.cancelOrder(second.id, '마음이 바뀜')).cancelOrder.status,
    ).toBe('CANCELLED');
    expect(dataOf(await one.coupons.myCoupons()).myCoupons.map((c) => c.id)).toEqual([coupon.id]);
    expect(await storedCoupon(stack, coupon.id)).toMatchObject({
      status: 'AVAILABLE',
      orderId: null,
    });
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 100 });
  });

  it("refuses another customer's coupon, reserving nothing", async () => {
    const product = await catalog.take({ price: 20_000, available: 3 });
    const campaign = dataOf(
      await admin.coupons.createCampaign(campaignInput()),
    ).createCouponCampaign;
    const owner = await buyer();
    const thief = await buyer();
    const coupon = dataOf(await owner.coupons.claim(campaign.id)).claimCoupon;
    const stolen = await thief.checkout.createOrder(order([[product, 1]], coupon.id));
    expect(errorCodes(stolen)).toEqual(['COUPON_NOT_APPLICABLE']);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 3 });
    expect(await storedCoupon(stack, coupon.id)).toMatchObject({
      status: 'AVAILABLE',
      orderId: null,
    });
    expect(
      errorCodes(await thief.checkout.createOrder(order([[product, 1]], 'not-an-id'))),
    ).toEqual(['COUPON_NOT_APPLICABLE']);
    // Nor can anyone else read it through an order or the graph.
    expect(dataOf(await thief.coupons.myCoupons()).myCoupons).toEqual([]);
  });

  it('gives the coupon back when a paid order is cancelled in full while the coupon is still valid', async () => {
    const product = await catalog.take({ price: 30_000 });
    const campaign = dataOf(
      await admin.coupons.createCampaign(campaignInput()),
    ).createCouponCampaign;
    const one = await buyer(100_000);
    const coupon = dataOf(await one.coupons.claim(campaign.id)).claimCoupon;
    const placed = dataOf(
      await one.checkout.createOrder(order([[product, 1]], coupon.id)),
    ).createOrder;
    dataOf(await one.checkout.payOrder(placed.id, { method: 'BALANCE' }));
    expect(await storedCoupon(stack, coupon.id)).toMatchObject({
      status: 'USED',
      orderId: placed.id,
    });

    // Stands in for the fulfilment issue's cancelOrder of a paid order: the status change and
    // its orders.order.statusChanged event, written in one update as transition() writes them.
    const at = new Date();
    await stack.subgraphs.orders.subgraph.models.orders.updateOne(
      { _id: new Types.ObjectId(placed.id), status: 'PAID' },
      {
        $set: { status: 'CANCELLED' },
        $push: {
          history: { status: 'CANCELLED', at, by: one.id, reason: 'changed my mind' },
          outbox: orderStatusChanged.create(
            {
              orderId: placed.id,
              number: placed.number,
              buyerId: one.id,
              from: 'PAID',
              to: 'CANCELLED',
              by: one.id,
              reason: 'changed my mind',
              at: at.toISOString(),
            },
            at,
          ),
        },
      },
    );
    const back = await waitFor('the coupon given back', async () => {
      const mine = dataOf(await one.coupons.myCoupons()).myCoupons;
      return mine.length ? mine : undefined;
    });
    expect(back.map((c) => [c.id, c.status, c.orderId, c.usedAt])).toEqual([
      [coupon.id, 'AVAILABLE', null, null],
    ]);
    expect((await storedCoupon(stack, coupon.id))?.restoredCount).toBe(1);
  });

  it('refuses an expired coupon at createOrder with COUPON_EXPIRED, and no longer lists it', async () => {
    const product = await catalog.take({ price: 20_000, available: 3 });
    const campaign = dataOf(
      await admin.coupons.createCampaign(campaignInput()),
    ).createCouponCampaign;
    const one = await buyer();
    const coupon = dataOf(await one.coupons.claim(campaign.id)).claimCoupon;
    // Seed builder: the coupon's validDays ran out.
    await stack.subgraphs.orders.subgraph.models.coupons.updateOne(
      { _id: new Types.ObjectId(coupon.id) },
      { $set: { expiresAt: new Date(Date.now() - 1_000) } },
    );
    const expired = await one.checkout.createOrder(order([[product, 1]], coupon.id));
    expect(errorCodes(expired)).toEqual(['COUPON_EXPIRED']);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 3 });
    expect(dataOf(await one.coupons.myCoupons()).myCoupons).toEqual([]);
  });
});
