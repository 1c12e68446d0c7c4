import { passesLuhn } from '../src/sandboxes/pg-cards';
import { startPgSandbox, type RunningPgSandbox } from '../src/sandboxes/pg-sandbox';
import { PG_TEST_CARDS, type PgPayment } from '@shop/testing';

let pg: RunningPgSandbox;
let orderSequence = 0;

beforeEach(async () => {
  pg = await startPgSandbox({ port: 0, hangMs: 1_000 });
});
afterEach(() => pg.stop());

/** Any answer of the PG: a payment, an error, a token or a test API reply. */
type Answer = Partial<PgPayment> & {
  code?: string;
  message?: string;
  token?: string;
  hangMs?: number;
  failuresToInject?: number;
};

interface Call {
  method?: string;
  body?: unknown;
  secretKey?: string | null;
  headers?: Record<string, string>;
}

async function call(path: string, { method = 'POST', body, secretKey, headers = {} }: Call = {}) {
  const key = secretKey === undefined ? pg.secretKey : secretKey;
  const response = await fetch(`${pg.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { authorization: basic(`${key}:`) }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer,
  };
}

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const nextYear = () => String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');
const newOrderId = () => `order-${process.pid}-${(orderSequence += 1)}`;

async function tokenize(cardNumber: string): Promise<string> {
  const { status, body } = await call('/v1/tokens', {
    body: { cardNumber, expiry: `12/${nextYear()}`, cvc: '123' },
  });
  expect(status).toBe(200);
  return (body as { token: string }).token;
}

async function confirm(cardNumber: string, amount = 15_000, orderId = newOrderId()) {
  const token = await tokenize(cardNumber);
  return {
    orderId,
    token,
    ...(await call('/v1/payments/confirm', { body: { orderId, amount, token } })),
  };
}

async function payments(): Promise<PgPayment[]> {
  return (await (await fetch(`${pg.url}/api/payments`)).json()) as PgPayment[];
}

describe('PG sandbox: tokens', () => {
  it('gives an opaque token for a valid card and never echoes the number', async () => {
    const { status, body } = await call('/v1/tokens', {
      body: { cardNumber: '4242 4242 4242 4242', expiry: `12/${nextYear()}`, cvc: '123' },
    });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['token']);
    expect(body.token).toMatch(/^tok_[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(body)).not.toContain('4242');
  });

  it('refuses a bad number, a past or malformed expiry and a bad CVC with Toss codes', async () => {
    const now = new Date();
    const thisMonth = `${String(now.getUTCMonth() + 1).padStart(2, '0')}/${String(now.getUTCFullYear() % 100).padStart(2, '0')}`;
    const cases: Array<[Record<string, string>, number, string]> = [
      [
        { cardNumber: '4242424242424241', expiry: `12/${nextYear()}`, cvc: '123' },
        400,
        'INVALID_CARD_NUMBER',
      ],
      [{ cardNumber: '4242', expiry: `12/${nextYear()}`, cvc: '123' }, 400, 'INVALID_CARD_NUMBER'],
      [
        { cardNumber: PG_TEST_CARDS.approves, expiry: '01/20', cvc: '123' },
        400,
        'INVALID_CARD_EXPIRATION',
      ],
      [
        { cardNumber: PG_TEST_CARDS.approves, expiry: '13/30', cvc: '123' },
        400,
        'INVALID_CARD_EXPIRATION',
      ],
      [{ cardNumber: PG_TEST_CARDS.approves, expiry: thisMonth, cvc: '123' }, 200, ''],
      [
        { cardNumber: PG_TEST_CARDS.approves, expiry: `12/${nextYear()}`, cvc: '12' },
        400,
        'INVALID_CVC',
      ],
      [{ cardNumber: PG_TEST_CARDS.approves, expiry: `12/${nextYear()}` }, 400, 'INVALID_CVC'],
    ];
    for (const [card, status, code] of cases) {
      const answer = await call('/v1/tokens', { body: card });
      expect([answer.status, answer.body.code ?? '']).toEqual([status, code]);
    }
  });

  it('has test cards that pass the Luhn check', () => {
    expect(Object.values(PG_TEST_CARDS).map(passesLuhn)).toEqual([true, true, true, true]);
  });
});

describe('PG sandbox: confirm', () => {
  it('approves 4242… with the whole amount as balance and only the last 4 digits', async () => {
    const { orderId, status, body } = await confirm(PG_TEST_CARDS.approves, 15_000);
    expect(status).toBe(200);
    expect(body).toEqual({
      paymentKey: expect.stringMatching(/^pay_[0-9a-f]{32}$/),
      orderId,
      status: 'DONE',
      method: 'CARD',
      currency: 'KRW',
      totalAmount: 15_000,
      balanceAmount: 15_000,
      requestedAt: expect.any(String),
      approvedAt: expect.any(String),
      card: { last4: '4242' },
      cancels: [],
      failure: null,
    });
    expect((await call(`/v1/payments/${body.paymentKey}`, { method: 'GET' })).body).toEqual(body);
  });

  it('approves any other valid card and keeps a paymentKey the client chose', async () => {
    const token = await tokenize('5555555555554444');
    const orderId = newOrderId();
    const { status, body } = await call('/v1/payments/confirm', {
      body: { paymentKey: 'client-chosen-key', orderId, amount: 100, token },
    });
    expect([status, body.status, body.paymentKey, body.card]).toEqual([
      200,
      'DONE',
      'client-chosen-key',
      { last4: '4444' },
    ]);
  });

  it.each([
    [PG_TEST_CARDS.rejected, 'REJECT_CARD_PAYMENT'],
    [PG_TEST_CARDS.notEnoughBalance, 'NOT_ENOUGH_BALANCE'],
  ])('declines %s with %s and records the attempt as ABORTED', async (card, code) => {
    const { orderId, status, body } = await confirm(card, 9_000);
    expect([status, body.code]).toEqual([403, code]);
    const recorded = await call(`/v1/payments/orders/${orderId}`, { method: 'GET' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      orderId,
      status: 'ABORTED',
      approvedAt: null,
      totalAmount: 9_000,
      failure: { code, message: expect.any(String) },
    });
  });

  it('lets an order declined once be paid with another card', async () => {
    const declined = await confirm(PG_TEST_CARDS.rejected);
    const paid = await confirm(PG_TEST_CARDS.approves, 15_000, declined.orderId);
    expect(paid.status).toBe(200);
    const lookup = await call(`/v1/payments/orders/${declined.orderId}`, { method: 'GET' });
    expect([lookup.body.status, lookup.body.paymentKey]).toEqual(['DONE', paid.body.paymentKey]);
  });

  it('holds the hang card’s answer for hangMs while the payment is already DONE', async () => {
    expect((await call('/api/config', { method: 'GET' })).body).toEqual({ hangMs: 1_000 });
    expect((await call('/api/config', { method: 'PUT', body: { hangMs: 800 } })).body).toEqual({
      hangMs: 800,
    });
    const token = await tokenize(PG_TEST_CARDS.approvesAfterHang);
    const orderId = newOrderId();
    const startedAt = Date.now();
    let answeredAt = 0;
    const answer = call('/v1/payments/confirm', { body: { orderId, amount: 5_000, token } }).then(
      (result) => {
        answeredAt = Date.now();
        return result;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const meanwhile = await call(`/v1/payments/orders/${orderId}`, { method: 'GET' });
    expect(answeredAt).toBe(0);
    expect([meanwhile.status, meanwhile.body.status]).toEqual([200, 'DONE']);
    const result = await answer;
    expect(answeredAt - startedAt).toBeGreaterThanOrEqual(800);
    expect([result.status, result.body.paymentKey]).toEqual([200, meanwhile.body.paymentKey]);
  });

  it('replays a held payment at once to a retry with the same Idempotency-Key', async () => {
    const token = await tokenize(PG_TEST_CARDS.approvesAfterHang);
    const request = {
      body: { orderId: newOrderId(), amount: 2_000, token },
      headers: { 'idempotency-key': 'timed-out-confirm' },
    };
    const held = call('/v1/payments/confirm', request);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = Date.now();
    const retry = await call('/v1/payments/confirm', request);
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect([retry.status, retry.body.status]).toEqual([200, 'DONE']);
    expect((await held).body).toEqual(retry.body);
    expect(await payments()).toHaveLength(1);
  });

  it('releases a held answer when it stops, instead of keeping the process alive', async () => {
    const slow = await startPgSandbox({ port: 0 });
    const auth = basic(`${slow.secretKey}:`);
    const post = (path: string, body: object) =>
      fetch(`${slow.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify(body),
      });
    const { token } = (await (
      await post('/v1/tokens', {
        cardNumber: PG_TEST_CARDS.approvesAfterHang,
        expiry: `12/${nextYear()}`,
        cvc: '123',
      })
    ).json()) as { token: string };
    const hanging = post('/v1/payments/confirm', { orderId: newOrderId(), amount: 1, token }).then(
      () => 'answered',
      () => 'connection closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = Date.now();
    await slow.stop();
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(['answered', 'connection closed']).toContain(await hanging);
  });

  it('refuses a second confirm of a paid order and charges nothing', async () => {
    const first = await confirm(PG_TEST_CARDS.approves, 15_000);
    const second = await call('/v1/payments/confirm', {
      body: { orderId: first.orderId, amount: 15_000, token: first.token },
    });
    expect([second.status, second.body.code]).toEqual([400, 'ALREADY_PROCESSED_PAYMENT']);
    expect((await payments()).map((payment) => payment.paymentKey)).toEqual([
      first.body.paymentKey,
    ]);
  });

  it('refuses malformed requests with 400 and records nothing', async () => {
    const token = await tokenize(PG_TEST_CARDS.approves);
    const orderId = newOrderId();
    const cases: Array<[unknown, string]> = [
      [{ orderId, amount: 100, token: 'tok_unknown' }, 'INVALID_CARD_TOKEN'],
      [{ orderId, amount: 0, token }, 'INVALID_REQUEST'],
      [{ orderId, amount: 1.5, token }, 'INVALID_REQUEST'],
      [{ orderId, amount: '100', token }, 'INVALID_REQUEST'],
      [{ amount: 100, token }, 'INVALID_REQUEST'],
      [{ orderId: 'a b', amount: 100, token }, 'INVALID_REQUEST'],
      [{ orderId, amount: 100 }, 'INVALID_REQUEST'],
      ['{"orderId": ', 'INVALID_REQUEST'],
    ];
    for (const [body, code] of cases) {
      const answer = await call('/v1/payments/confirm', { body });
      expect([answer.status, answer.body.code]).toEqual([400, code]);
    }
    expect(await payments()).toEqual([]);
  });

  it('answers 404 NOT_FOUND_PAYMENT for unknown payments and orders', async () => {
    for (const path of ['/v1/payments/pay_missing', '/v1/payments/orders/order-missing']) {
      const answer = await call(path, { method: 'GET' });
      expect([answer.status, answer.body.code]).toEqual([404, 'NOT_FOUND_PAYMENT']);
    }
  });
});

describe('PG sandbox: Idempotency-Key', () => {
  it('replays the stored answer for the same key and charges once', async () => {
    const token = await tokenize(PG_TEST_CARDS.approves);
    const request = { body: { orderId: newOrderId(), amount: 7_000, token } };
    const headers = { 'idempotency-key': 'confirm-once' };
    const first = await call('/v1/payments/confirm', { ...request, headers });
    const again = await call('/v1/payments/confirm', { ...request, headers });
    expect(first.status).toBe(200);
    expect([again.status, again.body]).toEqual([200, first.body]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await payments()).toHaveLength(1);
  });

  it('refuses the same key for a different request', async () => {
    const token = await tokenize(PG_TEST_CARDS.approves);
    const headers = { 'idempotency-key': 'one-key' };
    await call('/v1/payments/confirm', {
      body: { orderId: newOrderId(), amount: 1, token },
      headers,
    });
    const other = await call('/v1/payments/confirm', {
      body: { orderId: newOrderId(), amount: 1, token },
      headers,
    });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_MISMATCH']);
    expect(await payments()).toHaveLength(1);
  });

  it('refunds once for a cancel repeated with the same key', async () => {
    const { body: payment } = await confirm(PG_TEST_CARDS.approves, 10_000);
    const cancel = () =>
      call(`/v1/payments/${payment.paymentKey}/cancel`, {
        body: { cancelAmount: 3_000, cancelReason: 'one line' },
        headers: { 'idempotency-key': 'cancel-once' },
      });
    const first = await cancel();
    const again = await cancel();
    expect([first.status, first.body.balanceAmount]).toEqual([200, 7_000]);
    expect(again.body).toEqual(first.body);
    const stored = await call(`/v1/payments/${payment.paymentKey}`, { method: 'GET' });
    expect([stored.body.balanceAmount, stored.body.cancels?.length]).toEqual([7_000, 1]);
  });
});

describe('PG sandbox: cancel', () => {
  it('cancels partly, then the rest, then refuses more than the balance', async () => {
    const { body: payment } = await confirm(PG_TEST_CARDS.approves, 10_000);
    const cancel = (body: object) =>
      call(`/v1/payments/${payment.paymentKey}/cancel`, {
        body: { cancelReason: 'test', ...body },
      });

    const partial = await cancel({ cancelAmount: 4_000 });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 6_000 });
    const tooMuch = await cancel({ cancelAmount: 6_001 });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([400, 'NOT_CANCELABLE_AMOUNT']);
    const rest = await cancel({});
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ status: 'CANCELED', balanceAmount: 0, totalAmount: 10_000 });
    expect(rest.body.cancels?.map((entry) => entry.cancelAmount)).toEqual([4_000, 6_000]);
    const afterAll = await cancel({ cancelAmount: 1 });
    expect([afterAll.status, afterAll.body.code]).toEqual([400, 'NOT_CANCELABLE_AMOUNT']);
    const again = await cancel({});
    expect([again.status, again.body.code]).toEqual([400, 'ALREADY_CANCELED_PAYMENT']);
    const stored = await call(`/v1/payments/${payment.paymentKey}`, { method: 'GET' });
    expect([stored.body.balanceAmount, stored.body.cancels?.length]).toEqual([0, 2]);
  });

  it('refuses to cancel a declined payment or an unknown one', async () => {
    const declined = await confirm(PG_TEST_CARDS.rejected);
    const { body: aborted } = await call(`/v1/payments/orders/${declined.orderId}`, {
      method: 'GET',
    });
    const refused = await call(`/v1/payments/${aborted.paymentKey}/cancel`, {
      body: { cancelReason: 'x' },
    });
    expect([refused.status, refused.body.code]).toEqual([400, 'NOT_CANCELABLE_PAYMENT']);
    const unknown = await call('/v1/payments/pay_missing/cancel', { body: { cancelReason: 'x' } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND_PAYMENT']);
  });
});

describe('PG sandbox: auth and test API', () => {
  it('refuses calls without the secret key as Basic user and an empty password', async () => {
    for (const authorization of [
      undefined,
      basic('test_sk_wrong:'),
      basic(`${pg.secretKey}:password`),
      `Bearer ${pg.secretKey}`,
    ]) {
      const answer = await call('/v1/payments/orders/order-1', {
        method: 'GET',
        secretKey: null,
        headers: authorization ? { authorization } : {},
      });
      expect([answer.status, answer.body.code]).toEqual([401, 'UNAUTHORIZED_KEY']);
    }
  });

  it('fails the next n calls with PROVIDER_ERROR and changes nothing', async () => {
    const token = await tokenize(PG_TEST_CARDS.approves);
    const orderId = newOrderId();
    const injected = await call('/api/failures', { body: { count: 2 } });
    expect(injected.body).toEqual({ failuresToInject: 2 });
    const request = { body: { orderId, amount: 1_000, token } };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await call('/v1/payments/confirm', request);
      expect([failed.status, failed.body.code]).toEqual([500, 'PROVIDER_ERROR']);
    }
    expect(await payments()).toEqual([]);
    const recovered = await call('/v1/payments/confirm', request);
    expect([recovered.status, recovered.body.status]).toEqual([200, 'DONE']);
  });

  it('lists payments newest first and clears them', async () => {
    const older = await confirm(PG_TEST_CARDS.approves);
    const newer = await confirm(PG_TEST_CARDS.rejected);
    expect((await payments()).map((payment) => payment.orderId)).toEqual([
      newer.orderId,
      older.orderId,
    ]);
    expect((await fetch(`${pg.url}/api/payments`, { method: 'DELETE' })).status).toBe(204);
    expect(await payments()).toEqual([]);
  });

  it('refuses a hangMs or failure count that is not a small whole number', async () => {
    for (const [path, method, body] of [
      ['/api/config', 'PUT', { hangMs: -1 }],
      ['/api/config', 'PUT', { hangMs: '100' }],
      ['/api/failures', 'POST', { count: 1.5 }],
    ] as const) {
      const answer = await call(path, { method, body });
      expect([answer.status, answer.body.code]).toEqual([400, 'INVALID_REQUEST']);
    }
  });
});
