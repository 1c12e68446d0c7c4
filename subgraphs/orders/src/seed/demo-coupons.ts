import { Types } from 'mongoose';
import { DEMO_ACCOUNTS } from '@shop/contracts';
import { couponExpiry } from '../coupon/coupon-campaign-input';
import type { CouponCampaignDocument, CouponCampaignModel } from '../coupon/coupon-campaign.model';
import type { CouponModel } from '../coupon/coupon.model';

const DAY_MS = 86_400_000;

/** Fixed ids, so seeding again finds what it seeded. */
export const DEMO_CAMPAIGN_IDS = {
  seller: '636f75706f6e000000000001',
  admin: '636f75706f6e000000000002',
} as const;
export const DEMO_COUPON_ID = '636f75706f6e000000000101';

/** The demo seller's campaign: 6 coupons, one already the demo customer's, so 5 are left. */
const SELLER_QUANTITY = 6;

function campaigns(now: Date): CouponCampaignDocument[] {
  const startsAt = new Date(now.getTime() - DAY_MS);
  const endsAt = new Date(now.getTime() + 30 * DAY_MS);
  const base = { startsAt, endsAt, createdAt: now, updatedAt: now, productIds: [] };
  return [
    {
      ...base,
      _id: new Types.ObjectId(DEMO_CAMPAIGN_IDS.seller),
      name: '데모 셀러 선착순 10% 쿠폰',
      kind: 'PERCENT',
      value: 10,
      maxDiscount: 5_000,
      minOrderAmount: 10_000,
      quantity: SELLER_QUANTITY,
      issued: 1,
      validDays: 14,
      issuerId: DEMO_ACCOUNTS.seller.id,
      issuerRole: 'SELLER',
    },
    {
      ...base,
      _id: new Types.ObjectId(DEMO_CAMPAIGN_IDS.admin),
      name: '신규 가입 3,000원 할인',
      kind: 'FIXED',
      value: 3_000,
      maxDiscount: null,
      minOrderAmount: 30_000,
      quantity: 1_000,
      issued: 0,
      validDays: 30,
      issuerId: DEMO_ACCOUNTS.admin.id,
      issuerRole: 'ADMIN',
    },
  ];
}

/**
 * Seeds the demo coupon campaigns once: one by the demo seller over their own products with a
 * handful of coupons left (one already claimed by the demo customer), and one by the admin over
 * every product. Inserts only what is missing (fixed ids), so a second run changes nothing;
 * Redis's claim state is built from these records on the first claim. Returns how many
 * campaigns it inserted.
 */
export async function seedDemoCoupons(
  campaignModel: CouponCampaignModel,
  couponModel: CouponModel,
  now = new Date(),
): Promise<number> {
  let inserted = 0;
  for (const { _id, createdAt: _created, updatedAt: _updated, ...terms } of campaigns(now)) {
    // mongoose stamps createdAt/updatedAt on an upsert itself.
    const result = await campaignModel.updateOne(
      { _id },
      { $setOnInsert: terms },
      { upsert: true },
    );
    inserted += result.upsertedCount;
  }
  const seller = campaigns(now)[0];
  if (!seller) return inserted;
  await couponModel.updateOne(
    { _id: new Types.ObjectId(DEMO_COUPON_ID) },
    {
      $setOnInsert: {
        campaignId: seller._id,
        userId: DEMO_ACCOUNTS.customer.id,
        status: 'AVAILABLE',
        claimedAt: now,
        expiresAt: couponExpiry(now, seller.validDays, seller.endsAt),
        orderId: null,
        heldAt: null,
        usedAt: null,
        discount: null,
        restoredCount: 0,
      },
    },
    { upsert: true },
  );
  return inserted;
}
