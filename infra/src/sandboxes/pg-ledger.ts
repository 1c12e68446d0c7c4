import { randomBytes } from 'node:crypto';
import { cardOutcome, checkCard } from './pg-cards';
import type { CancelRequest, ConfirmRequest } from './pg-requests';
import { type PgPayment } from '@shop/testing';

/** What the PG answers: HTTP status and JSON body. */
export interface PgAnswer {
  status: number;
  body: object;
  /** Hold the answer for the sandbox's hangMs before sending it. */
  hang?: boolean;
  /**
   * Malformed input. Like Stripe, the PG does not store such an answer under an
   * Idempotency-Key, so the client can fix the request and retry with the same key.
   */
  rejectedInput?: boolean;
}

export function pgError(status: number, code: string, message: string): PgAnswer {
  return { status, body: { code, message } };
}

/**
 * The PG's books: card tokens and payments. Every method is synchronous, so two requests for
 * the same order can never interleave between the duplicate check and the charge.
 */
export class PgLedger {
  private readonly cards = new Map<string, { cardNumber: string }>();
  /** By payment key, in the order they were made. */
  private payments = new Map<string, PgPayment>();

  tokenize(input: { cardNumber?: unknown; expiry?: unknown; cvc?: unknown }): PgAnswer {
    const check = checkCard(input);
    if (!check.ok) return pgError(400, check.code, check.message);
    const token = `tok_${randomBytes(24).toString('base64url')}`;
    this.cards.set(token, { cardNumber: check.cardNumber });
    return { status: 200, body: { token } };
  }

  confirm(request: ConfirmRequest): PgAnswer {
    const card = this.cards.get(request.token);
    if (!card) return pgError(400, 'INVALID_CARD_TOKEN', 'The card token is unknown');
    if (request.paymentKey && this.payments.has(request.paymentKey)) {
      return pgError(400, 'ALREADY_PROCESSED_PAYMENT', 'This paymentKey was already used');
    }
    if (this.findByOrder(request.orderId)?.approvedAt) {
      return pgError(400, 'ALREADY_PROCESSED_PAYMENT', 'This order was already paid');
    }
    const now = new Date().toISOString();
    const outcome = cardOutcome(card.cardNumber);
    const declined = outcome.kind === 'decline';
    const payment: PgPayment = {
      paymentKey: request.paymentKey ?? `pay_${randomBytes(16).toString('hex')}`,
      orderId: request.orderId,
      status: declined ? 'ABORTED' : 'DONE',
      method: 'CARD',
      currency: 'KRW',
      totalAmount: request.amount,
      balanceAmount: request.amount,
      requestedAt: now,
      approvedAt: declined ? null : now,
      card: { last4: card.cardNumber.slice(-4) },
      cancels: [],
      failure: declined ? { code: outcome.code, message: outcome.message } : null,
    };
    this.payments.set(payment.paymentKey, payment);
    if (declined) return pgError(403, outcome.code, outcome.message);
    return { status: 200, body: copy(payment), hang: outcome.kind === 'approve-after-hang' };
  }

  cancel(paymentKey: string, request: CancelRequest): PgAnswer {
    const payment = this.payments.get(paymentKey);
    if (!payment) return pgError(404, 'NOT_FOUND_PAYMENT', 'No payment has this paymentKey');
    if (!payment.approvedAt) {
      return pgError(400, 'NOT_CANCELABLE_PAYMENT', 'A declined payment cannot be canceled');
    }
    const cancelAmount = request.cancelAmount ?? payment.balanceAmount;
    if (cancelAmount > payment.balanceAmount) {
      return pgError(400, 'NOT_CANCELABLE_AMOUNT', `Only ${payment.balanceAmount} is cancelable`);
    }
    if (cancelAmount === 0) {
      return pgError(400, 'ALREADY_CANCELED_PAYMENT', 'The payment is already fully canceled');
    }
    payment.cancels.push({
      transactionKey: randomBytes(16).toString('hex'),
      cancelAmount,
      cancelReason: request.cancelReason,
      canceledAt: new Date().toISOString(),
    });
    payment.balanceAmount -= cancelAmount;
    payment.status = payment.balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
    return { status: 200, body: copy(payment) };
  }

  find(paymentKey: string): PgPayment | undefined {
    const payment = this.payments.get(paymentKey);
    return payment && copy(payment);
  }

  /** The payment of an order: its approved one if any, else its latest declined attempt. */
  findByOrder(orderId: string): PgPayment | undefined {
    const attempts = this.list().filter((payment) => payment.orderId === orderId);
    return attempts.find((payment) => payment.approvedAt) ?? attempts[0];
  }

  /** Newest first. */
  list(): PgPayment[] {
    return [...this.payments.values()].reverse().map(copy);
  }

  /** Forgets payments; tokens stay valid, as a client may have tokenized before a test. */
  clear(): void {
    this.payments = new Map();
  }
}

/** Answers are snapshots: a later cancel must not change an answer already given or stored. */
function copy(payment: PgPayment): PgPayment {
  return structuredClone(payment);
}
