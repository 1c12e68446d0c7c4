import { Types } from 'mongoose';
import { waitFor } from '@shop/testing';
import { createSignedInUser, errorCodes, startStack, type Stack } from '../src';
import { CartCatalog } from './cart-fixtures';
import { ADDRESS, customer, dataOf, stockOf, storedOrder } from './checkout-fixtures';
import { campaignInput, couponClient, storedCoupon, type CouponClient } from './coupon-fixtures';

const WINDOW_SECONDS = 3;

describe('coupons of orders that end unpaid on their own', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let admin: CouponClient;

  beforeAll(async () => {
    stack = await startStack({
      ORDER_PAYMENT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      ORDER_TIMEOUT_SWEEP_INTERVAL_MS: '500',
      PAYMENT_RECOVERY_INTERVAL_MS: '200',
      PAYMENT_STALE_AFTER_MS: '1000',
      IDEMPOTENCY_LEASE_MS: '1000',
    });
    catalog = await CartCatalog.seed(stack, 5);
    const adminUser = await createSignedInUser(stack, { roles: ['ADMIN'] });
    admin = couponClient(stack, adminUser.accessToken);
  });
  afterAll(() => stack.stop());

  const buyerWithCoupon = async () => {
    const { id } = dataOf(await admin.createCampaign(campaignInput())).createCouponCampaign;
    const buyer = await customer(stack, 100_000);
    const coupons = couponClient(stack, buyer.accessToken);
    const coupon = dataOf(await coupons.claim(id)).claimCoupon;
    return { buyer, coupons, coupon };
  };

  it('gives the coupon back, with the stock, when the order is not paid by payBy', async () => {
    const { buyer, coupons, coupon } = await buyerWithCoupon();
    const product = await catalog.take({ price: 20_000, available: 4 });
    const input = { items: [{ productId: product, quantity: 1 }], shippingAddress: ADDRESS };
    const order = dataOf(
      await buyer.checkout.createOrder({ ...input, couponId: coupon.id }),
    ).createOrder;
    expect(order.discount.amount).toBe(2_000);
    expect(dataOf(await coupons.myCoupons()).myCoupons).toEqual([]);

    await waitFor(
      'the order timed out and released',
      async () => {
        const stored = await storedOrder(stack, order.id);
        return stored?.status === 'CANCELLED' && stored.reservation.status === 'RELEASED'
          ? true
          : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect((await storedOrder(stack, order.id))?.history.at(-1)?.reason).toBe('PAYMENT_TIMEOUT');
    expect(dataOf(await coupons.myCoupons()).myCoupons.map((c) => [c.id, c.status])).toEqual([
      [coupon.id, 'AVAILABLE'],
    ]);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 0, available: 4 });
    // And it works for the next order, paid in time.
    const next = dataOf(
      await buyer.checkout.createOrder({ ...input, couponId: coupon.id }),
    ).createOrder;
    const paid = dataOf(await buyer.checkout.payOrder(next.id, { method: 'BALANCE' })).payOrder;
    expect([paid.order.status, paid.payment.amount.amount]).toEqual(['PAID', 21_000]);
    expect(await storedCoupon(stack, coupon.id)).toMatchObject({
      status: 'USED',
      orderId: next.id,
    });
    expect(errorCodes(await buyer.checkout.createOrder({ ...input, couponId: coupon.id }))).toEqual(
      ['COUPON_NOT_APPLICABLE'],
    );
  });

  it('gives back a coupon held by a createOrder that died before writing its order', async () => {
    const { coupons, coupon } = await buyerWithCoupon();
    // What a process killed between the hold and the order leaves: a hold for no order.
    await stack.subgraphs.orders.subgraph.models.coupons.updateOne(
      { _id: new Types.ObjectId(coupon.id) },
      {
        $set: {
          status: 'HELD',
          orderId: new Types.ObjectId().toHexString(),
          heldAt: new Date(Date.now() - 1_000),
        },
      },
    );
    expect(dataOf(await coupons.myCoupons()).myCoupons).toEqual([]);
    await waitFor('the orphaned hold released', async () => {
      const stored = await storedCoupon(stack, coupon.id);
      return stored?.status === 'AVAILABLE' ? stored : undefined;
    });
    expect(dataOf(await coupons.myCoupons()).myCoupons.map((c) => c.id)).toEqual([coupon.id]);
  });
});
