import {
  signGatewayRequest,
  verifyGatewayRequest,
  CLIENT_HEADER,
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
} from './gateway-signature';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const identity = {
  userId: '64b000000000000000000001',
  roles: ['CUSTOMER' as const],
  sessionId: 'session-1',
};
const now = 1_800_000_000;
const body = { query: '{ myCart { id } }', variables: {}, operationName: null };

function signed(overrides: Partial<Parameters<typeof signGatewayRequest>[0]> = {}) {
  return signGatewayRequest({
    audience: 'cart',
    identity,
    requestId: 'req-12345678',
    secret,
    body,
    nowSeconds: now,
    ...overrides,
  });
}

function verify(
  headers: Record<string, string | undefined>,
  overrides: Partial<Parameters<typeof verifyGatewayRequest>[0]> = {},
) {
  return verifyGatewayRequest({
    audience: 'cart',
    secret,
    headers,
    body,
    nowSeconds: now,
    ...overrides,
  });
}

describe('gateway request signatures', () => {
  it('verifies the identity the gateway signed for this subgraph', () => {
    const headers = signed();
    expect(verify(headers, { nowSeconds: now + 5 })).toEqual({
      kind: 'gateway',
      identity,
      client: null,
      nonce: expect.stringMatching(/^[\w-]{22}$/),
    });
    expect(headers[SIGNATURE_HEADER]).toMatch(/^t=1800000000,n=[\w-]{22},v2=[0-9a-f]{64}$/);
  });

  it('carries the client address and user agent under the same signature', () => {
    const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0' };
    const headers = signed({ identity: null, client });
    expect(verify(headers)).toEqual({
      kind: 'gateway',
      identity: null,
      client,
      nonce: expect.any(String),
    });
    const spoofed = {
      ...headers,
      [CLIENT_HEADER]: signed({ client: { ...client, ip: '10.0.0.1' } })[CLIENT_HEADER],
    };
    expect(verify(spoofed)).toEqual({ kind: 'forged', reason: 'bad signature' });
  });

  it('verifies anonymous gateway requests', () => {
    expect(verify(signed({ identity: null }))).toEqual({
      kind: 'gateway',
      identity: null,
      client: null,
      nonce: expect.any(String),
    });
  });

  it('treats a request with neither identity nor signature as unsigned', () => {
    expect(verify({})).toEqual({ kind: 'unsigned' });
  });

  it('refuses the signature of one operation on another body', () => {
    const headers = signed();
    const clearCart = { ...body, query: 'mutation { clearCart { id } }' };
    expect(verify(headers, { body: clearCart })).toEqual({
      kind: 'forged',
      reason: 'bad signature',
    });
    expect(verify(headers, { body: { ...body, variables: { id: 'x' } } }).kind).toBe('forged');
    expect(verify(headers, { body: { ...body, operationName: 'Other' } }).kind).toBe('forged');
  });

  it('hashes the values of the body, so JSON parsed and serialised again still verifies', () => {
    const sent = { query: 'query ($a: Int) { x }', variables: { b: [1, 2.5, 'é'], a: 1 } };
    const received = JSON.parse(JSON.stringify(sent)) as typeof sent;
    expect(verify(signed({ body: sent }), { body: received }).kind).toBe('gateway');
  });

  it('gives each signature its own nonce, covered by the MAC', () => {
    const first = signed();
    const second = signed();
    expect(first[SIGNATURE_HEADER]).not.toBe(second[SIGNATURE_HEADER]);
    const swapped = first[SIGNATURE_HEADER]!.replace(/n=[\w-]+/, 'n=AAAAAAAAAAAAAAAAAAAAAA');
    expect(verify({ ...first, [SIGNATURE_HEADER]: swapped })).toEqual({
      kind: 'forged',
      reason: 'bad signature',
    });
  });

  it.each([
    [
      'an identity without signature',
      { [IDENTITY_HEADER]: 'eyJzdWIiOiJ4In0' },
      'identity without proof',
    ],
    [
      'a malformed signature',
      { ...signed(), [SIGNATURE_HEADER]: 'garbage' },
      'malformed signature',
    ],
    [
      'a swapped identity',
      {
        ...signed(),
        [IDENTITY_HEADER]: signed({ identity: { ...identity, roles: ['ADMIN'] } })[IDENTITY_HEADER],
      },
      'bad signature',
    ],
    ['another request id', { ...signed(), 'x-request-id': 'req-other-1' }, 'bad signature'],
    [
      'a signature of the previous format',
      { ...signed(), [SIGNATURE_HEADER]: `t=${now},v1=${'a'.repeat(64)}` },
      'malformed signature',
    ],
  ])('refuses %s', (_case, headers, reason) => {
    expect(verify(headers)).toEqual({ kind: 'forged', reason });
  });

  it('refuses a signature for another subgraph, with another secret, or too old', () => {
    expect(verify(signed(), { audience: 'orders' }).kind).toBe('forged');
    expect(verify(signed(), { secret: `${secret}x` }).kind).toBe('forged');
    expect(verify(signed(), { nowSeconds: now + 31 })).toEqual({
      kind: 'forged',
      reason: 'expired signature',
    });
  });
});
