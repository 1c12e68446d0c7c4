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

function signed(overrides: Partial<Parameters<typeof signGatewayRequest>[0]> = {}) {
  return signGatewayRequest({
    audience: 'cart',
    identity,
    requestId: 'req-12345678',
    secret,
    nowSeconds: now,
    ...overrides,
  });
}

describe('gateway request signatures', () => {
  it('verifies the identity the gateway signed for this subgraph', () => {
    expect(
      verifyGatewayRequest({ audience: 'cart', secret, headers: signed(), nowSeconds: now + 5 }),
    ).toEqual({
      kind: 'gateway',
      identity,
      client: null,
    });
  });

  it('carries the client address and user agent under the same signature', () => {
    const client = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0' };
    const headers = signed({ identity: null, client });
    expect(verifyGatewayRequest({ audience: 'cart', secret, headers, nowSeconds: now })).toEqual({
      kind: 'gateway',
      identity: null,
      client,
    });
    const spoofed = {
      ...headers,
      [CLIENT_HEADER]: signed({ client: { ...client, ip: '10.0.0.1' } })[CLIENT_HEADER],
    };
    expect(
      verifyGatewayRequest({ audience: 'cart', secret, headers: spoofed, nowSeconds: now }),
    ).toEqual({ kind: 'forged', reason: 'bad signature' });
  });

  it('verifies anonymous gateway requests', () => {
    expect(
      verifyGatewayRequest({
        audience: 'cart',
        secret,
        headers: signed({ identity: null }),
        nowSeconds: now,
      }),
    ).toEqual({
      kind: 'gateway',
      identity: null,
      client: null,
    });
  });

  it('treats a request with neither identity nor signature as unproven', () => {
    expect(verifyGatewayRequest({ audience: 'cart', secret, headers: {} })).toEqual({
      kind: 'unproven',
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
  ])('refuses %s', (_case, headers, reason) => {
    expect(verifyGatewayRequest({ audience: 'cart', secret, headers, nowSeconds: now })).toEqual({
      kind: 'forged',
      reason,
    });
  });

  it('refuses a signature for another subgraph, with another secret, or too old', () => {
    expect(
      verifyGatewayRequest({ audience: 'orders', secret, headers: signed(), nowSeconds: now }).kind,
    ).toBe('forged');
    expect(
      verifyGatewayRequest({
        audience: 'cart',
        secret: `${secret}x`,
        headers: signed(),
        nowSeconds: now,
      }).kind,
    ).toBe('forged');
    expect(
      verifyGatewayRequest({ audience: 'cart', secret, headers: signed(), nowSeconds: now + 31 }),
    ).toEqual({
      kind: 'forged',
      reason: 'expired signature',
    });
  });
});
