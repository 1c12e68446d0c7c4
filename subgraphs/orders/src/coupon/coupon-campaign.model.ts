import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';
import type { DiscountKind } from './coupon-discount';

/** A first-come coupon campaign of a SELLER (their own products) or an ADMIN (any product). */
export interface CouponCampaignDocument {
  _id: Types.ObjectId;
  name: string;
  kind: DiscountKind;
  value: number;
  maxDiscount: number | null;
  minOrderAmount: number;
  quantity: number;
  /**
   * Coupons recorded so far: raised by a conditional `$inc` (`issued < quantity`) before each
   * coupon is written, so MongoDB never holds more than `quantity` coupons of the campaign,
   * whatever Redis says after a loss or a restart.
   */
  issued: number;
  startsAt: Date;
  endsAt: Date;
  validDays: number;
  /** Empty: every product of the issuer (every product for an ADMIN). */
  productIds: string[];
  issuerId: string;
  issuerRole: 'SELLER' | 'ADMIN';
  createdAt: Date;
  updatedAt: Date;
}

const campaignSchema = new Schema<CouponCampaignDocument>(
  {
    name: { type: String, required: true },
    kind: { type: String, required: true },
    value: { type: Number, required: true },
    maxDiscount: { type: Number, default: null },
    minOrderAmount: { type: Number, default: 0 },
    quantity: { type: Number, required: true },
    issued: { type: Number, default: 0 },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    validDays: { type: Number, required: true },
    productIds: { type: [String], default: [] },
    issuerId: { type: String, required: true },
    issuerRole: { type: String, required: true },
  },
  { collection: 'coupon_campaigns', versionKey: false, timestamps: true },
);

export type CouponCampaignModel = Model<CouponCampaignDocument>;

export const couponCampaignModel = defineModel('CouponCampaign', campaignSchema, [
  // activeCouponCampaigns and the reconciler: campaigns running now, ending soonest first.
  [{ endsAt: 1, startsAt: 1 }],
]);
