import { z } from 'zod';
import { defineEvent } from '@shop/events';

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
