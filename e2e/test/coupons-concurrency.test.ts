import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { sessionKey } from '@shop/auth';
import { waitFor } from '@shop/testing';
import {
  createSignedInUser,
  errorCodes,
  keepAliveClient,
  startStack,
  type Stack,
  type TestUser,
} from '../src';
import { CartCatalog } from './cart-fixtures';
import { ADDRESS, customer, dataOf, stockOf } from './checkout-fixtures';
import { campaignInput, couponClient, type CouponClient } from './coupon-fixtures';

describe('first-come coupons under concurrency', () => {
  let stack: Stack;
  let catalog: CartCatalog;
  let admin: CouponClient;
  let adminUser: TestUser;

  beforeAll(async () => {
    stack = await startStack({ COUPON_RECONCILE_INTERVAL_MS: '300' });
    catalog = await CartCatalog.seed(stack, 5);
    adminUser = await createSignedInUser(stack, { roles: ['ADMIN'] });
    admin = couponClient(stack, adminUser.accessToken);
  });
  afterAll(() => stack.stop());

  const models = () => stack.subgraphs.orders.subgraph.models;
  const couponsOf = (campaignId: string) =>
    models()
      .coupons.find({ campaignId: new Types.ObjectId(campaignId) })
      .lean();
  const campaign = async (quantity: number) =>
    dataOf(await admin.createCampaign(campaignInput({ quantity }))).createCouponCampaign;
  const remaining = async (campaignId: string) =>
    dataOf(await admin.campaign(campaignId)).couponCampaign?.remaining;
  const users = (count: number) =>
    Promise.all(Array.from({ length: count }, () => createSignedInUser(stack)));

  /** Every user claims at once through a pool of keep-alive sockets; the results in order. */
  async function claimAll(campaignId: string, claimants: TestUser[], during?: () => Promise<void>) {
    const pool = keepAliveClient(stack.gatewayUrl, 64);
    try {
      const claims = Promise.all(
        claimants.map((user) =>
          couponClient(stack, user.accessToken, pool.query).claim(campaignId),
        ),
      );
      await during?.();
      return await claims;
    } finally {
      pool.close();
    }
  }

  it('gives exactly 50 coupons to 500 users claiming a 50-coupon campaign at once; 450 are COUPON_SOLD_OUT', async () => {
    const { id } = await campaign(50);
    const claimants = await users(500);
    const results = await claimAll(id, claimants);
    const won = results.flatMap((result) =>
      result.data?.claimCoupon ? [result.data.claimCoupon] : [],
    );
    const refusals = results.flatMap(errorCodes);
    expect(won).toHaveLength(50);
    expect(refusals).toHaveLength(450);
    expect(new Set(refusals)).toEqual(new Set(['COUPON_SOLD_OUT']));
    expect(await remaining(id)).toBe(0);
    const stored = await couponsOf(id);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((coupon) => coupon.userId)).size).toBe(50);
    expect(new Set(won.map((coupon) => coupon.id))).toEqual(
      new Set(stored.map((coupon) => coupon._id.toHexString())),
    );
    const record = await models().couponCampaigns.findById(id).lean();
    expect(record?.issued).toBe(50);
  }, 180_000);

  it('gives one user who claims 20 times in parallel exactly one coupon', async () => {
    const { id } = await campaign(10);
    const [user] = await users(1);
    const results = await claimAll(
      id,
      Array.from({ length: 20 }, () => user!),
    );
    expect(results.filter((result) => result.data?.claimCoupon)).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(
      Array.from({ length: 19 }, () => 'COUPON_ALREADY_CLAIMED'),
    );
    expect(await couponsOf(id)).toHaveLength(1);
    expect(await remaining(id)).toBe(9);
  });

  it('lets one of two concurrent createOrder with the same coupon win; the other is COUPON_NOT_APPLICABLE and reserves nothing', async () => {
    const { id } = await campaign(5);
    const product = await catalog.take({ price: 20_000, available: 10 });
    const buyer = await customer(stack);
    const coupon = dataOf(await couponClient(stack, buyer.accessToken).claim(id)).claimCoupon;
    const input = {
      items: [{ productId: product, quantity: 2 }],
      shippingAddress: ADDRESS,
      couponId: coupon.id,
    };
    const results = await Promise.all([
      buyer.checkout.createOrder(input, randomUUID()),
      buyer.checkout.createOrder(input, randomUUID()),
    ]);
    const placed = results.flatMap((result) =>
      result.data?.createOrder ? [result.data.createOrder] : [],
    );
    expect(placed).toHaveLength(1);
    expect(placed[0]?.discount.amount).toBe(4_000);
    expect(results.flatMap(errorCodes)).toEqual(['COUPON_NOT_APPLICABLE']);
    expect(await stockOf(stack, product)).toMatchObject({ reserved: 2, available: 8, holds: 1 });
    expect(await models().orders.countDocuments({ couponId: coupon.id })).toBe(1);
    const stored = await models().coupons.findById(coupon.id).lean();
    expect(stored).toMatchObject({ status: 'HELD', orderId: placed[0]?.id });
  });

  it('neither issues extra coupons nor loses claimed ones when Redis is flushed in the middle of a campaign', async () => {
    const { id } = await campaign(30);
    const early = await users(10);
    expect((await claimAll(id, early)).flatMap(errorCodes)).toEqual([]);
    const late = await users(60);
    // Redis loses everything (a restart without persistence) while 60 more users are claiming,
    // once about half of the campaign is gone.
    let atFlush = 0;
    const results = await claimAll(id, [...early, ...late], async () => {
      await waitFor(
        'half of the campaign claimed',
        async () => {
          atFlush = (await couponsOf(id)).length;
          return atFlush >= 15 ? true : undefined;
        },
        { intervalMs: 5 },
      );
      // The flush would sign everyone out too; sessions are the users service's, not under test,
      // so they are put back in the same transaction.
      const everyone = [adminUser, ...early, ...late];
      const flush = stack.redis.multi().flushall();
      everyone.forEach((user) => flush.set(sessionKey(user.sessionId), user.id, 'EX', 900));
      await flush.exec();
    });
    expect(atFlush).toBeLessThan(30);
    const codes = results.map((result) =>
      result.data?.claimCoupon ? 'CLAIMED' : errorCodes(result)[0],
    );
    const count = (code: string) => codes.filter((one) => one === code).length;
    const stored = await couponsOf(id);
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((coupon) => coupon.userId)).size).toBe(30);
    // Each of the first ten still has theirs, and was told so.
    const holders = new Set(stored.map((coupon) => coupon.userId));
    expect(early.every((user) => holders.has(user.id))).toBe(true);
    expect(count('CLAIMED')).toBe(20);
    expect(
      new Set(codes.filter((code) => code !== 'CLAIMED' && code !== 'UNAUTHENTICATED')),
    ).toEqual(new Set(['COUPON_ALREADY_CLAIMED', 'COUPON_SOLD_OUT']));

    // After reconciliation Redis agrees with MongoDB: nobody gets a 31st, nobody a second.
    await waitFor('the campaign rebuilt in Redis', async () =>
      (await stack.redis.exists(`coupon:{${id}}:remaining`)) === 1 ? true : undefined,
    );
    expect(await stack.redis.get(`coupon:{${id}}:remaining`)).toBe('0');
    expect(new Set(await stack.redis.smembers(`coupon:{${id}}:claimed`))).toEqual(holders);
    const again = await claimAll(id, [...early, ...(await users(5))]);
    expect(again.flatMap(errorCodes).sort()).toEqual([
      ...Array.from({ length: 10 }, () => 'COUPON_ALREADY_CLAIMED'),
      ...Array.from({ length: 5 }, () => 'COUPON_SOLD_OUT'),
    ]);
    expect(await couponsOf(id)).toHaveLength(30);
  }, 120_000);

  it('takes back what a Redis restored from an old snapshot would give away too much', async () => {
    const { id } = await campaign(5);
    const holders = await users(5);
    expect((await claimAll(id, holders)).flatMap(errorCodes)).toEqual([]);
    // As if Redis came back from a snapshot taken before the last three claims.
    await stack.redis.set(`coupon:{${id}}:remaining`, '3');
    await stack.redis.srem(`coupon:{${id}}:claimed`, ...holders.slice(2).map((user) => user.id));
    const newcomers = await users(3);
    const results = await claimAll(id, [...holders.slice(2), ...newcomers]);
    // Redis grants three of the six, whichever come first, and MongoDB refuses each grant. A
    // holder Redis let through is told ALREADY_CLAIMED by MongoDB; one that came after the
    // three grants is refused by Redis as SOLD_OUT (it no longer knows them). Newcomers are
    // refused SOLD_OUT either way. Nothing is issued.
    const codes = results.map(errorCodes);
    for (const holderCodes of codes.slice(0, 3)) {
      expect(holderCodes).toHaveLength(1);
      expect(['COUPON_ALREADY_CLAIMED', 'COUPON_SOLD_OUT']).toContain(holderCodes[0]);
    }
    expect(codes.slice(3)).toEqual([['COUPON_SOLD_OUT'], ['COUPON_SOLD_OUT'], ['COUPON_SOLD_OUT']]);
    expect(await couponsOf(id)).toHaveLength(5);
    expect(new Set((await couponsOf(id)).map((coupon) => coupon.userId))).toEqual(
      new Set(holders.map((user) => user.id)),
    );
    await waitFor('the reconciler to lower the counter', async () =>
      (await stack.redis.get(`coupon:{${id}}:remaining`)) === '0' ? true : undefined,
    );
  });
});
