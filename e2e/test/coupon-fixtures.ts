import { Types } from 'mongoose';
import type { Stack } from '../src';
import type { Transport } from './checkout-fixtures';

/** Every field of a campaign a test looks at. */
export const CAMPAIGN_FIELDS =
  'id name kind value maxDiscount minOrderAmount quantity remaining startsAt endsAt issuer { id }';
export const COUPON_FIELDS = `id status claimedAt expiresAt usedAt orderId campaign { id name kind value }`;

export interface CampaignView {
  id: string;
  name: string;
  kind: 'PERCENT' | 'FIXED';
  value: number;
  maxDiscount: number | null;
  minOrderAmount: number;
  quantity: number;
  remaining: number;
  startsAt: string;
  endsAt: string;
  issuer: { id: string };
}

export interface CouponView {
  id: string;
  status: 'AVAILABLE' | 'USED' | 'EXPIRED';
  claimedAt: string;
  expiresAt: string;
  usedAt: string | null;
  orderId: string | null;
  campaign: { id: string; name: string; kind: string; value: number };
}

export interface QuoteView {
  coupon: { id: string };
  applicable: boolean;
  reason: string | null;
  discount: { amount: number; currency: string };
}

const HOUR = 3_600_000;

/** A campaign's input running from an hour ago for a day, with the terms given. */
export function campaignInput(terms: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '선착순 쿠폰',
    kind: 'PERCENT',
    value: 10,
    quantity: 10,
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    ...terms,
  };
}

/** The coupon operations of the public contract, as one caller (anonymous without a token). */
export function couponClient(stack: Stack, token?: string, transport?: Transport) {
  const run = <T>(query: string, variables: Record<string, unknown> = {}) =>
    transport
      ? transport<T>(query, variables, token)
      : stack.query<T>(query, variables, token ? { token } : {});
  return {
    createCampaign: (input: Record<string, unknown>) =>
      run<{ createCouponCampaign: CampaignView }>(
        `mutation ($input: CreateCouponCampaignInput!) { createCouponCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`,
        { input },
      ),
    claim: (campaignId: string) =>
      run<{ claimCoupon: CouponView }>(
        `mutation ($id: ID!) { claimCoupon(campaignId: $id) { ${COUPON_FIELDS} } }`,
        { id: campaignId },
      ),
    campaign: (id: string) =>
      run<{ couponCampaign: CampaignView | null }>(
        `query ($id: ID!) { couponCampaign(id: $id) { ${CAMPAIGN_FIELDS} } }`,
        { id },
      ),
    active: (first = 100) =>
      run<{ activeCouponCampaigns: CampaignView[] }>(
        `query ($first: Int) { activeCouponCampaigns(first: $first) { id remaining } }`,
        { first },
      ),
    myCoupons: () => run<{ myCoupons: CouponView[] }>(`{ myCoupons { ${COUPON_FIELDS} } }`),
    quotes: () =>
      run<{ myCart: { couponQuotes: QuoteView[] } }>(
        `{ myCart { couponQuotes { coupon { id } applicable reason discount { amount currency } } } }`,
      ),
    orderCoupon: (orderId: string) =>
      run<{ order: { discount: { amount: number }; coupon: CouponView | null } | null }>(
        `query ($id: ID!) { order(id: $id) { discount { amount } coupon { ${COUPON_FIELDS} } } }`,
        { id: orderId },
      ),
  };
}

export type CouponClient = ReturnType<typeof couponClient>;

/** Seed builder: hands products to a seller, as the catalog's seller listings would. */
export async function giveToSeller(stack: Stack, sellerId: string, productIds: string[]) {
  const products = stack.subgraphs.products.subgraph.runtime.mongo.collection('products');
  await products.updateMany(
    { _id: { $in: productIds.map((id) => new Types.ObjectId(id)) } },
    { $set: { sellerId } },
  );
}

/** The coupon as stored, for what the graph does not show (hold, discount). */
export function storedCoupon(stack: Stack, couponId: string) {
  return stack.subgraphs.orders.subgraph.models.coupons
    .findById(new Types.ObjectId(couponId), { outbox: 0 })
    .lean();
}
