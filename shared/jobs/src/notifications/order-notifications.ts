import { z } from 'zod';
import { emailBase } from './common';

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });

/** What every mail about an order carries: its number and what it costs. */
const orderBase = { ...emailBase, orderNumber: z.string().min(1).max(40), total: money };

/** Mail about an order: confirmation once paid, a failed payment, a cancellation. */
export const orderEmails = [
  z.object({
    ...orderBase,
    template: z.literal('order-confirmation'),
    paymentMethod: z.enum(['BALANCE', 'CARD']),
    lines: z
      .array(
        z.object({ name: z.string().min(1), quantity: z.number().int().min(1), lineTotal: money }),
      )
      .min(1),
    shippingFee: money,
  }),
  z.object({
    ...orderBase,
    template: z.literal('payment-failed'),
    /** `INSUFFICIENT_BALANCE` or the PG's code (`REJECT_CARD_PAYMENT`…). */
    failureCode: z.string().min(1),
    failureMessage: z.string(),
  }),
  z.object({
    ...orderBase,
    template: z.literal('order-cancelled'),
    /** PAYMENT_TIMEOUT when the payment window closed; otherwise who cancelled. */
    cause: z.enum(['PAYMENT_TIMEOUT', 'BUYER', 'STAFF']),
    reason: z.string().max(500),
    /** Money that was taken and given back (a payment approved after the window closed). */
    refunded: money.optional(),
  }),
] as const;
