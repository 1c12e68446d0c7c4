import { z } from 'zod';

/**
 * Order events the catalog consumes from its queue `events.catalog` (`eventQueueName('catalog')`)
 * as `EventJob` payloads: the orders subgraph's outbox relay adds one job per event with
 * `jobId` = event id. The catalog counts units sold per product and day from `orders.order.paid`
 * (popular products: units sold over the last 3 days); it ignores other types.
 */
export const ORDER_PAID_EVENT = 'orders.order.paid';

export const orderPaidPayload = z.object({
  orderId: z.string().min(1),
  /** When the payment was confirmed (ISO 8601); the day bucket; defaults to occurredAt. */
  paidAt: z.string().optional(),
  lines: z
    .array(
      z.object({
        productId: z.string().min(1),
        quantity: z.number().int().min(1),
      }),
    )
    .min(1),
});
export type OrderPaidPayload = z.infer<typeof orderPaidPayload>;
