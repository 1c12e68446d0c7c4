import { z } from 'zod';

/**
 * The cart subgraph's internal API, for orders only: checkout reads the buyer's lines and, once
 * an order is paid, removes what it bought. Orders never reads the cart's Redis keys.
 */
export const CART_INTERNAL = {
  /** The user's cart lines, in the order they were first added. */
  lines: '/cart/lines',
  /**
   * Takes an order's quantities out of the cart, once per order id: lines added or raised since
   * the order keep what the order did not buy.
   */
  removeOrdered: '/cart/remove-ordered',
} as const;

const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'must be an object id');

export const cartLine = z.object({
  productId: z.string().min(1).max(100),
  quantity: z.number().int().min(1),
});
export type CartLine = z.infer<typeof cartLine>;

export const cartLinesRequest = z.object({ userId: objectId }).strict();
export type CartLinesRequest = z.infer<typeof cartLinesRequest>;

export const cartLinesResponse = z.object({ lines: z.array(cartLine) });
export type CartLinesResponse = z.infer<typeof cartLinesResponse>;

export const removeOrderedLinesRequest = z
  .object({
    userId: objectId,
    /** The paid order; a second call for the same order removes nothing. */
    orderId: z.string().min(1).max(100),
    lines: z.array(cartLine).min(1).max(100),
  })
  .strict();
export type RemoveOrderedLinesRequest = z.infer<typeof removeOrderedLinesRequest>;

export const removeOrderedLinesResponse = z.object({
  /** False when this order's lines were removed by an earlier call. */
  removed: z.boolean(),
  /** The cart's lines after the call. */
  lines: z.array(cartLine),
});
export type RemoveOrderedLinesResponse = z.infer<typeof removeOrderedLinesResponse>;
