import type { Carrier } from './shipment';
import { KOREAN_PUBLIC_HOLIDAYS } from './korean-holidays';

/** Business days from handover to delivery, per carrier (their published standard service). */
export const CARRIER_BUSINESS_DAYS: Record<Carrier, number> = {
  CJ: 1,
  HANJIN: 2,
  LOTTE: 2,
  POST: 2,
  LOGEN: 3,
};

const KST_OFFSET_MS = 9 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** Parcels are promised by the end of the working day: 18:00 KST. */
const DELIVERY_HOUR_KST = 18;
const HOLIDAYS = new Set(KOREAN_PUBLIC_HOLIDAYS);

/** The KST calendar day of a KST-shifted time, `YYYY-MM-DD`. */
const dayOf = (kst: Date) => kst.toISOString().slice(0, 10);

/** True on a Korean working day: not Saturday, Sunday or a public holiday (KST calendar day). */
export function isBusinessDay(kst: Date): boolean {
  const weekday = kst.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(dayOf(kst));
}

/**
 * When a parcel handed to `carrier` at `shippedAt` should arrive: that many business days
 * after the KST day of shipping (a parcel shipped on a holiday or weekend counts from the next
 * working day the same way), at 18:00 KST, returned as an instant.
 */
export function estimateDelivery(shippedAt: Date, carrier: Carrier): Date {
  let kst = new Date(Math.floor((shippedAt.getTime() + KST_OFFSET_MS) / DAY_MS) * DAY_MS);
  let remaining = CARRIER_BUSINESS_DAYS[carrier];
  while (remaining > 0) {
    kst = new Date(kst.getTime() + DAY_MS);
    if (isBusinessDay(kst)) remaining -= 1;
  }
  return new Date(kst.getTime() + DELIVERY_HOUR_KST * 60 * 60_000 - KST_OFFSET_MS);
}
