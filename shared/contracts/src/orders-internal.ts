import { z } from 'zod';

/**
 * The orders subgraph's internal API, for services that act on an order they do not own:
 * support checks that an inquiry's order is the customer's and weighs its value and state.
 */
export const ORDERS_INTERNAL = {
  /** Who bought up to 100 orders, what they hold, what they cost and where they stand. */
  summaries: '/orders/summaries',
} as const;

export const orderSummariesRequest = z
  .object({
    ids: z
      .array(z.string().regex(/^[0-9a-f]{24}$/i))
      .min(1)
      .max(100),
  })
  .strict();
export type OrderSummariesRequest = z.infer<typeof orderSummariesRequest>;

export const orderSummary = z.object({
  id: z.string(),
  number: z.string(),
  buyerId: z.string(),
  status: z.string(),
  total: z.object({ amount: z.number().int(), currency: z.string() }),
  /** The products of the order's lines, in line order. */
  productIds: z.array(z.string()),
  createdAt: z.string(),
});
export type OrderSummary = z.infer<typeof orderSummary>;

/** In request order, null for unknown ids. */
export const orderSummariesResponse = z.object({ orders: z.array(orderSummary.nullable()) });
export type OrderSummariesResponse = z.infer<typeof orderSummariesResponse>;
