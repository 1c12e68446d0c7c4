import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { objectIdPayload } from './money';

export const CARRIERS = ['CJ', 'HANJIN', 'LOTTE', 'POST', 'LOGEN'] as const;
export const DELIVERY_STATUSES = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const;

/**
 * What every fulfilment event names: the order (ids and number, no personal data) and its
 * `sequence`, the order's own event counter, strictly increasing in the order the events were
 * written, so a partner can put deliveries of one order in order (gaps allowed).
 */
const fulfilmentRef = {
  orderId: objectIdPayload,
  number: z.string().min(1),
  buyerId: objectIdPayload,
  sequence: z.number().int().min(1),
};

const parcel = {
  carrier: z.enum(CARRIERS),
  trackingNumber: z.string().min(1),
};

/** The parcel left: carrier, tracking number and link, and the estimated delivery date. */
export const orderShipped = defineEvent(
  'orders.order.shipped',
  z.object({
    ...fulfilmentRef,
    ...parcel,
    trackingUrl: z.string().min(1),
    estimatedDeliveryAt: z.string(),
    shippedAt: z.string(),
  }),
);

/** The carrier reported a scan of the parcel (applied or only recorded, see `applied`). */
export const deliveryUpdated = defineEvent(
  'orders.delivery.updated',
  z.object({
    ...fulfilmentRef,
    ...parcel,
    status: z.enum(DELIVERY_STATUSES),
    occurredAt: z.string(),
  }),
);

/** The parcel reached the buyer: the order is DELIVERED. */
export const orderDelivered = defineEvent(
  'orders.order.delivered',
  z.object({ ...fulfilmentRef, ...parcel, deliveredAt: z.string() }),
);

/** The events fulfilment adds, for `ALL_EVENTS`. */
export const FULFILMENT_EVENTS = [orderShipped, deliveryUpdated, orderDelivered];
