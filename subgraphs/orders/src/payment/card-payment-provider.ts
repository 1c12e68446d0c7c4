/** What a confirm came to. */
export type CardConfirmOutcome =
  | { kind: 'approved'; paymentKey: string; approvedAt: Date; amount: number }
  /** Declined by the PG or the issuer: a result to show, not an error. */
  | { kind: 'declined'; code: string; message: string }
  /** The PG does not know the token; nothing was recorded there. */
  | { kind: 'invalid-token'; message: string }
  /** The PG already holds an approval for this order (an earlier, interrupted attempt). */
  | { kind: 'already-paid' }
  /** No answer in time, or the PG failed: the payment may or may not exist; ask later. */
  | { kind: 'unknown'; reason: string };

/** What the PG knows about an order's payment, for reconciliation. */
export type CardLookupOutcome =
  | {
      kind: 'approved';
      paymentKey: string;
      approvedAt: Date;
      amount: number;
      /** What is left after cancellations. */
      balanceAmount: number;
    }
  | { kind: 'declined'; code: string; message: string }
  | { kind: 'none' }
  | { kind: 'unknown'; reason: string };

export interface CardConfirmRequest {
  /** Our order id: the PG knows payments by it, which is how reconciliation finds them. */
  orderId: string;
  amount: number;
  /** The card token the storefront got from the PG; we never see card numbers. */
  token: string;
  /** Our payment attempt id: a repeated confirm can never charge twice. */
  idempotencyKey: string;
}

export interface CardCancelRequest {
  paymentKey: string;
  amount: number;
  reason: string;
  idempotencyKey: string;
}

/**
 * A card payment gateway, as checkout needs it. The PG sandbox (Toss-style) and a real Toss
 * Payments client are two implementations of it. Implementations never throw for an outcome
 * the PG states; transport failures of `confirm` and `findByOrder` come back as `unknown`.
 */
export interface CardPaymentProvider {
  confirm(request: CardConfirmRequest): Promise<CardConfirmOutcome>;
  findByOrder(orderId: string): Promise<CardLookupOutcome>;
  /** Gives money back; done when the PG cancelled it (now or before). @throws when it could not tell */
  cancel(request: CardCancelRequest): Promise<void>;
}
