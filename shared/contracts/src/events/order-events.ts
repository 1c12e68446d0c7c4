import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { moneyPayload, objectIdPayload } from './money';

/**
 * An order was paid. Routed to the catalog's queue (`events.catalog`), whose consumer counts
 * units sold per product and day (popular products: units sold over the last 3 days).
 */
export const orderPaid = defineEvent(
  'orders.order.paid',
  z.object({
    orderId: z.string().min(1),
    /** When the payment was confirmed (ISO 8601); the day bucket; defaults to occurredAt. */
    paidAt: z.string().optional(),
    lines: z
      .array(z.object({ productId: z.string().min(1), quantity: z.number().int().min(1) }))
      .min(1),
  }),
);
export type OrderPaidPayload = z.output<typeof orderPaid.schema>;

export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'PARTIALLY_CANCELLED',
  'PAYMENT_FAILED',
] as const;

/** What every order event names: the order, its number and its buyer (an id, no personal data). */
const orderRef = {
  orderId: objectIdPayload,
  number: z.string().min(1),
  buyerId: objectIdPayload,
};

/**
 * An order was placed and its stock reserved (seed 003, US-19: number, products, quantities,
 * amounts, time). No address or contact: this event leaves for the data platform.
 */
export const orderCreated = defineEvent(
  'orders.order.created',
  z.object({
    ...orderRef,
    lines: z
      .array(
        z.object({
          productId: objectIdPayload,
          quantity: z.number().int().min(1),
          unitPrice: moneyPayload,
        }),
      )
      .min(1),
    subtotal: moneyPayload,
    shippingFee: moneyPayload,
    discount: moneyPayload,
    total: moneyPayload,
    couponId: z.string().nullable(),
    payBy: z.string(),
  }),
);

/** Any change of an order's status, with who made it and why: the order's history as events. */
export const orderStatusChanged = defineEvent(
  'orders.order.statusChanged',
  z.object({
    ...orderRef,
    from: z.enum(ORDER_STATUSES),
    to: z.enum(ORDER_STATUSES),
    /** A user id, or `system`. */
    by: z.string().min(1),
    reason: z.string().nullable(),
    at: z.string(),
    /** The order's event counter (see `fulfilment-events.ts`); every change carries one. */
    sequence: z.number().int().min(1).optional(),
  }),
);
export type OrderStatusChangedPayload = z.output<typeof orderStatusChanged.schema>;

const paymentRef = {
  ...orderRef,
  paymentId: objectIdPayload,
  method: z.enum(['BALANCE', 'CARD']),
  amount: moneyPayload,
};

/** Money was taken for an order (seed 003, US-19: number, amount, method, time). */
export const paymentSucceeded = defineEvent(
  'payments.payment.succeeded',
  z.object({ ...paymentRef, approvedAt: z.string() }),
);

/** A payment was declined: the balance did not cover the order, or the PG refused the card. */
export const paymentFailed = defineEvent(
  'payments.payment.failed',
  z.object({ ...paymentRef, failureCode: z.string().min(1), failureMessage: z.string() }),
);

/** The events checkout added, for `ALL_EVENTS`. */
export const CHECKOUT_EVENTS = [orderCreated, orderStatusChanged, paymentSucceeded, paymentFailed];
