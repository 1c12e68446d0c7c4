import { createHmac, timingSafeEqual } from 'node:crypto';

/** Timestamps further than this from our clock are refused: a replayed capture goes stale. */
export const CARRIER_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  { ok: true } | { ok: false; status: 400 | 401; code: 'INVALID_SIGNATURE' | 'STALE_TIMESTAMP' };

/** Hex HMAC-SHA256 of `timestamp.body` with the shared secret, as the carrier signs. */
export function carrierSignature(secret: string, timestamp: string, body: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * Checks a carrier webhook: the signature over the header timestamp, a dot and the raw body
 * bytes (compared in constant time; 401 when missing or wrong), then the timestamp (400 when
 * not unix seconds or more than {@link CARRIER_TOLERANCE_SECONDS} away from `now`).
 */
export function verifyCarrierRequest(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: Buffer,
  now: Date = new Date(),
): SignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^[0-9a-f]{64}$/i.test(signature)) {
    return { ok: false, status: 401, code: 'INVALID_SIGNATURE' };
  }
  const expected = Buffer.from(carrierSignature(secret, timestamp, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return { ok: false, status: 401, code: 'INVALID_SIGNATURE' };
  }
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (
    !Number.isFinite(seconds) ||
    Math.abs(now.getTime() / 1000 - seconds) > CARRIER_TOLERANCE_SECONDS
  ) {
    return { ok: false, status: 400, code: 'STALE_TIMESTAMP' };
  }
  return { ok: true };
}
