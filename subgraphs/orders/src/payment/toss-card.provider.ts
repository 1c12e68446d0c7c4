import type {
  CardCancelRequest,
  CardConfirmOutcome,
  CardConfirmRequest,
  CardLookupOutcome,
  CardPaymentProvider,
} from './card-payment-provider';

export interface TossCardOptions {
  /** The PG's address, e.g. the sandbox's `http://127.0.0.1:8027`. */
  baseUrl: string;
  /** The secret key: the Basic auth user, with an empty password. */
  secretKey: string;
  /** How long a call may take before it counts as unanswered. */
  timeoutMs: number;
}

/** The subset of Toss's Payment object we read. */
interface TossPayment {
  paymentKey: string;
  status: string;
  totalAmount: number;
  balanceAmount: number;
  approvedAt: string | null;
  failure: { code: string; message: string } | null;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Issuer declines come as 403; these 400s also mean the PG refused the card for good. */
const DECLINE_CODES = new Set([
  'INVALID_CARD_EXPIRATION',
  'INVALID_STOPPED_CARD',
  'EXCEED_MAX_AMOUNT',
]);

/**
 * Toss Payments' card API (`/v1/payments/confirm`, `/v1/payments/orders/{orderId}`,
 * `/v1/payments/{paymentKey}/cancel`) over real HTTP with Basic auth, an Idempotency-Key on
 * every POST and a timeout: the PG sandbox in development and tests, Toss itself in production.
 */
export class TossCardProvider implements CardPaymentProvider {
  private readonly authorization: string;

  constructor(private readonly options: TossCardOptions) {
    this.authorization = `Basic ${Buffer.from(`${options.secretKey}:`).toString('base64')}`;
  }

  async confirm(request: CardConfirmRequest): Promise<CardConfirmOutcome> {
    const { orderId, amount, token } = request;
    let answer: Answer;
    try {
      answer = await this.call(
        'POST',
        '/v1/payments/confirm',
        { orderId, amount, token },
        request.idempotencyKey,
      );
    } catch (error) {
      return { kind: 'unknown', reason: errorMessage(error) };
    }
    if (answer.status === 200) return approved(answer.body as unknown as TossPayment);
    const code = String(answer.body['code'] ?? 'UNKNOWN');
    const message = String(answer.body['message'] ?? '');
    if (answer.status === 403 || DECLINE_CODES.has(code))
      return { kind: 'declined', code, message };
    if (code === 'INVALID_CARD_TOKEN') return { kind: 'invalid-token', message };
    if (code === 'ALREADY_PROCESSED_PAYMENT') return { kind: 'already-paid' };
    return { kind: 'unknown', reason: `${answer.status} ${code}: ${message}` };
  }

  async findByOrder(orderId: string): Promise<CardLookupOutcome> {
    let answer: Answer;
    try {
      answer = await this.call('GET', `/v1/payments/orders/${encodeURIComponent(orderId)}`);
    } catch (error) {
      return { kind: 'unknown', reason: errorMessage(error) };
    }
    if (answer.status === 404) return { kind: 'none' };
    if (answer.status !== 200)
      return { kind: 'unknown', reason: `${answer.status} ${String(answer.body['code'])}` };
    const payment = answer.body as unknown as TossPayment;
    if (!payment.approvedAt) {
      return {
        kind: 'declined',
        code: payment.failure?.code ?? payment.status,
        message: payment.failure?.message ?? '',
      };
    }
    return { ...approved(payment), balanceAmount: payment.balanceAmount };
  }

  async cancel(request: CardCancelRequest): Promise<void> {
    const answer = await this.call(
      'POST',
      `/v1/payments/${encodeURIComponent(request.paymentKey)}/cancel`,
      { cancelAmount: request.amount, cancelReason: request.reason },
      request.idempotencyKey,
    );
    if (answer.status === 200 || answer.body['code'] === 'ALREADY_CANCELED_PAYMENT') return;
    throw new Error(
      `the PG refused to cancel ${request.paymentKey}: ${answer.status} ${String(answer.body['code'])}`,
    );
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    idempotencyKey?: string,
  ): Promise<Answer> {
    const response = await fetch(new URL(path, this.options.baseUrl), {
      method,
      headers: {
        authorization: this.authorization,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { code: 'INVALID_RESPONSE', message: text.slice(0, 200) };
    }
    return { status: response.status, body: parsed };
  }
}

function approved(payment: TossPayment): Extract<CardConfirmOutcome, { kind: 'approved' }> {
  return {
    kind: 'approved',
    paymentKey: payment.paymentKey,
    approvedAt: new Date(payment.approvedAt ?? Date.now()),
    amount: payment.totalAmount,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
