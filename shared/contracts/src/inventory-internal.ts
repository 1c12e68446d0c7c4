import { z } from 'zod';

/**
 * Stock reservations owned by the products subgraph, called by orders with a signed request
 * (`InternalClient`, caller `orders`, audience `products`), never part of the public graph.
 * Every operation is idempotent by `orderId`: a retry returns the same outcome and applies
 * nothing twice. See docs/inventory.md.
 */
export const INVENTORY_INTERNAL = {
  /** Holds every line or none (`OUT_OF_STOCK` names the first line that lacks units). */
  reserve: '/inventory/reserve',
  /** Turns held units into shipped ones: on-hand and reserved both drop. */
  commit: '/inventory/commit',
  /** Returns held units to sale; also writes a tombstone so a late reserve is refused. */
  release: '/inventory/release',
  /**
   * Puts units of a paid order's cancelled lines back on sale (on-hand and available both
   * rise), idempotent by `orderId` + `restockId` (the cancellation id): a retry adds nothing.
   */
  restock: '/inventory/restock',
} as const;

export const reservationLine = z.object({
  productId: z.string().regex(/^[0-9a-f]{24}$/i, 'must be a product id'),
  quantity: z.number().int().min(1).max(10_000),
});
export type ReservationLine = z.infer<typeof reservationLine>;

export const reserveStockRequest = z.object({
  orderId: z.string().min(1).max(100),
  lines: z.array(reservationLine).min(1).max(100),
  /** Seconds until the sweeper releases the reservation unless it was committed. */
  ttlSeconds: z.number().int().min(1).max(86_400).optional(),
});
export type ReserveStockRequest = z.infer<typeof reserveStockRequest>;

export const reservationRequest = z.object({ orderId: z.string().min(1).max(100) });
export type ReservationRequest = z.infer<typeof reservationRequest>;

export const RESERVATION_STATUSES = [
  'PENDING',
  'RESERVED',
  'COMMITTED',
  'RELEASED',
  'EXPIRED',
  'REJECTED',
] as const;

/** The reservation after the call; the same shape answers all three operations. */
export const reservationResponse = z.object({
  orderId: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  /** Lines merged by product (duplicates summed), in product id order. */
  lines: z.array(reservationLine),
  expiresAt: z.string(),
});
export type ReservationResponse = z.infer<typeof reservationResponse>;

export const restockRequest = z.object({
  orderId: z.string().min(1).max(100),
  /** The cancellation the units come back from; with the order id, the idempotency key. */
  restockId: z.string().min(1).max(100),
  lines: z.array(reservationLine).min(1).max(100),
});
export type RestockRequest = z.infer<typeof restockRequest>;

/** Per line: whether this call added the units (false: an earlier call with the key did). */
export const restockResponse = z.object({
  orderId: z.string(),
  restockId: z.string(),
  lines: z.array(reservationLine.extend({ applied: z.boolean() })),
});
export type RestockResponse = z.infer<typeof restockResponse>;
