import { bodyRecord } from './sandbox-http';

export interface ConfirmRequest {
  paymentKey?: string;
  orderId: string;
  amount: number;
  token: string;
}

export interface CancelRequest {
  /** Absent: cancel what is left. */
  cancelAmount?: number;
  cancelReason: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Toss's rule for order ids: 6 to 64 letters, digits, `-` or `_`. */
const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;

export function parseConfirmRequest(body: unknown): Parsed<ConfirmRequest> {
  const { paymentKey, orderId, amount, token } = bodyRecord(body);
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) {
    return invalid('orderId must be 6 to 64 letters, digits, - or _');
  }
  if (!isPositiveWholeNumber(amount)) return invalid('amount must be a positive whole number');
  if (typeof token !== 'string' || token.length === 0) return invalid('token is required');
  if (paymentKey !== undefined && !isShortText(paymentKey)) {
    return invalid('paymentKey must be a string of 1 to 200 characters');
  }
  return { ok: true, value: { orderId, amount, token, ...(paymentKey ? { paymentKey } : {}) } };
}

export function parseCancelRequest(body: unknown): Parsed<CancelRequest> {
  const { cancelAmount, cancelReason } = bodyRecord(body);
  if (!isShortText(cancelReason)) return invalid('cancelReason must be 1 to 200 characters');
  if (cancelAmount === undefined) return { ok: true, value: { cancelReason } };
  if (!isPositiveWholeNumber(cancelAmount)) {
    return invalid('cancelAmount must be a positive whole number');
  }
  return { ok: true, value: { cancelReason, cancelAmount } };
}

function isPositiveWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function invalid(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
