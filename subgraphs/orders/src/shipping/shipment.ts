import type { CARRIERS, DELIVERY_STATUSES } from '@shop/contracts';

export type Carrier = (typeof CARRIERS)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A carrier's scan as the order keeps it; `applied` is false for one that came too late. */
export interface CarrierScan {
  eventId: string;
  status: DeliveryStatus;
  occurredAt: Date;
  receivedAt: Date;
  applied: boolean;
}

/** The parcel of a shipped order, embedded in the order (`order.shipment`). */
export interface ShipmentRecord {
  carrier: Carrier;
  trackingNumber: string;
  trackingUrl: string;
  estimatedDeliveryAt: Date;
  shippedAt: Date;
  deliveredAt: Date | null;
  /** The furthest status the carrier reported, or null before its first scan. */
  lastEvent: DeliveryStatus | null;
  /** Every scan received, applied or late; the event ids make the webhook idempotent. */
  events: CarrierScan[];
  eventIds: string[];
  /** When the purchase-confirmation reminder went out (`fulfilment/purchase-reminder.ts`). */
  reminderSentAt?: Date | null;
}

/** How far along a parcel is: a scan applies only when it moves this forward. */
export const DELIVERY_PROGRESS: Record<DeliveryStatus | 'SHIPPED', number> = {
  SHIPPED: 0,
  IN_TRANSIT: 1,
  OUT_FOR_DELIVERY: 2,
  DELIVERED: 3,
};
