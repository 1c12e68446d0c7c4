import { Schema, type Model, type Types } from 'mongoose';
import { withOutbox, type WithOutbox } from '@shop/events';
import { defineModel } from '@shop/mongo';

/**
 * AVAILABLE: claimed and usable until `expiresAt`; HELD: kept for one unpaid order
 * (`orderId`), usable again if that order ends unpaid; USED: its order was paid.
 * (EXPIRED is not stored: an AVAILABLE coupon past `expiresAt` reads as EXPIRED.)
 */
export type StoredCouponStatus = 'AVAILABLE' | 'HELD' | 'USED';

/** One claimed coupon: one per campaign and customer (unique index), with its outbox. */
export interface CouponDocument extends WithOutbox {
  _id: Types.ObjectId;
  campaignId: Types.ObjectId;
  userId: string;
  status: StoredCouponStatus;
  claimedAt: Date;
  expiresAt: Date;
  /** The order holding or having used it. */
  orderId: string | null;
  heldAt: Date | null;
  usedAt: Date | null;
  /** The discount the order got from it. */
  discount: number | null;
  /** Times a paid order that used it was fully cancelled and the coupon given back. */
  restoredCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const couponSchema = withOutbox(
  new Schema<CouponDocument>(
    {
      campaignId: { type: Schema.Types.ObjectId, required: true },
      userId: { type: String, required: true },
      status: { type: String, required: true },
      claimedAt: { type: Date, required: true },
      expiresAt: { type: Date, required: true },
      orderId: { type: String, default: null },
      heldAt: { type: Date, default: null },
      usedAt: { type: Date, default: null },
      discount: { type: Number, default: null },
      restoredCount: { type: Number, default: 0 },
    },
    { collection: 'coupons', versionKey: false, timestamps: true },
  ),
);

export type CouponModel = Model<CouponDocument>;

export const couponModel = defineModel('Coupon', couponSchema, [
  // The last line of defence of "one per person", whatever Redis let through.
  [{ campaignId: 1, userId: 1 }, { unique: true }],
  // myCoupons and Cart.couponQuotes: a customer's usable coupons.
  [{ userId: 1, status: 1, expiresAt: 1 }],
  // The checkout saga and the order-status consumer find a coupon by its order.
  [{ orderId: 1 }, { sparse: true }],
  // The reconciler: holds left behind by a createOrder that died.
  [{ status: 1, heldAt: 1 }],
]);
