/**
 * The wire shapes of the sandboxes' test APIs (API.md, "Sandboxes of outside parties"), shared by
 * the sandboxes in infra, which serve them, and the clients below, which read them.
 */

/** Card numbers with a scripted outcome at the PG sandbox; any other valid card approves. */
export const PG_TEST_CARDS = {
  approves: '4242424242424242',
  rejected: '4000000000000002',
  notEnoughBalance: '4000000000009995',
  /** Approved (recorded DONE at once), but the answer is held for the sandbox's hangMs. */
  approvesAfterHang: '4000000000000119',
} as const;

export type PgPaymentStatus = 'DONE' | 'ABORTED' | 'PARTIAL_CANCELED' | 'CANCELED';

export interface PgCancel {
  transactionKey: string;
  cancelAmount: number;
  cancelReason: string;
  canceledAt: string;
}

/** A payment as the PG sandbox reports it (a subset of Toss's Payment object). */
export interface PgPayment {
  paymentKey: string;
  orderId: string;
  status: PgPaymentStatus;
  method: 'CARD';
  currency: 'KRW';
  totalAmount: number;
  balanceAmount: number;
  requestedAt: string;
  /** Null for a declined (ABORTED) payment. */
  approvedAt: string | null;
  /** The card number is never stored with a payment or returned again. */
  card: { last4: string };
  cancels: PgCancel[];
  /** Why an ABORTED payment was declined. */
  failure: { code: string; message: string } | null;
}

export const CARRIER_STATUSES = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];

/** A scan event of a parcel: the body of the carrier's webhook. */
export interface CarrierEvent {
  eventId: string;
  trackingNumber: string;
  status: CarrierStatus;
  occurredAt: string;
}

/** One webhook the carrier sent and what the receiver answered. */
export interface CarrierWebhookDelivery {
  id: string;
  sentAt: string;
  url: string;
  event: CarrierEvent;
  /** The exact bytes sent and the signature headers, so a test can verify them itself. */
  request: { headers: Record<string, string>; body: string };
  /** Null when no HTTP answer came (refused connection, timeout). */
  response: { status: number; body: string; truncated: boolean } | null;
  error: string | null;
  durationMs: number;
}

/** One accepted delivery of an event; `duplicate` when its event id was accepted before. */
export interface DataPlatformDelivery {
  /** Of the delivery, not of the event. */
  id: string;
  receivedAt: string;
  eventId: string;
  type: string;
  duplicate: boolean;
  event: Record<string, unknown>;
}
