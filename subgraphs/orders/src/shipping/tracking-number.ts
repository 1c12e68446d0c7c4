import { randomInt } from 'node:crypto';
import type { Carrier } from './shipment';

/** Tracking numbers as the carriers print them: digits only, of the carrier's length. */
const DIGITS: Record<Carrier, number> = { CJ: 12, HANJIN: 12, LOTTE: 12, POST: 13, LOGEN: 11 };

/** A fresh tracking number for `carrier`, random so that guessing another parcel's is hopeless. */
export function generateTrackingNumber(carrier: Carrier): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < DIGITS[carrier]) digits += String(randomInt(0, 10));
  return digits;
}

/** What a given tracking number may look like: 8 to 30 letters, digits or hyphens. */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9-]{8,30}$/;

/** The page where the buyer follows the parcel (the carrier sandbox's page in development). */
export function trackingUrlOf(baseUrl: string, trackingNumber: string): string {
  return `${baseUrl.replace(/\/$/, '')}/tracking/${encodeURIComponent(trackingNumber)}`;
}
