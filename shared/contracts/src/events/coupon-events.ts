import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { moneyPayload, objectIdPayload } from './money';

/** What every coupon event names: the coupon, its campaign and its holder (ids only). */
const couponRef = {
  couponId: objectIdPayload,
  campaignId: objectIdPayload,
  customerId: objectIdPayload,
};

/** A customer claimed a coupon of a first-come campaign (seed 003, US-19). */
export const couponIssued = defineEvent(
  'coupons.coupon.issued',
  z.object({ ...couponRef, claimedAt: z.string(), expiresAt: z.string() }),
);

/** A coupon was used by an order that was paid: the order and the discount it gave. */
export const couponUsed = defineEvent(
  'coupons.coupon.used',
  z.object({ ...couponRef, orderId: objectIdPayload, discount: moneyPayload, usedAt: z.string() }),
);

/** The events coupons add, for `ALL_EVENTS`. */
export const COUPON_EVENTS = [couponIssued, couponUsed];
