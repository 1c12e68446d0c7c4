import { z } from 'zod';
import { emailBase, smsBase } from './common';

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const orderNumber = z.string().min(1).max(40);

/**
 * Mail after the sale: part of an order cancelled and refunded; a delivered order's review, and
 * the reminder to confirm the purchase some days later.
 */
export const fulfilmentEmails = [
  z.object({
    ...emailBase,
    template: z.literal('order-partially-cancelled'),
    orderNumber,
    lines: z.array(z.object({ name: z.string().min(1), quantity: z.number().int().min(1) })).min(1),
    refunded: money,
    reason: z.string().max(500),
  }),
  z.object({
    ...emailBase,
    template: z.literal('review-request'),
    orderNumber,
    products: z.array(z.string().min(1)).min(1),
    /** Where the buyer writes the review. */
    reviewUrl: z.url(),
  }),
  z.object({
    ...emailBase,
    template: z.literal('purchase-confirmation-reminder'),
    orderNumber,
    /** The delivered products not reviewed yet. */
    products: z.array(z.string().min(1)).min(1),
    reviewUrl: z.url(),
  }),
] as const;

/** Text messages after the sale: the parcel left, with its tracking link and date. */
export const fulfilmentSms = [
  z.object({
    ...smsBase,
    template: z.literal('order-shipped'),
    orderNumber,
    carrier: z.string().min(1),
    trackingNumber: z.string().min(1),
    trackingUrl: z.url(),
    /** The estimated delivery, ISO 8601; shown as a Korean calendar date. */
    estimatedDeliveryAt: z.string(),
  }),
] as const;
