import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isRole, type Identity } from './identity';

export const IDENTITY_HEADER = 'x-shop-identity';
export const SIGNATURE_HEADER = 'x-shop-signature';
export const REQUEST_ID_HEADER = 'x-request-id';
/** The end client's address and user agent as the gateway saw them; covered by the signature. */
export const CLIENT_HEADER = 'x-shop-client';

/**
 * A signature older (or newer) than this is refused; within it, its nonce is accepted once,
 * so a store of seen nonces needs to keep each for twice this long.
 */
export const SIGNATURE_MAX_AGE_SECONDS = 30;

/** The parts of a GraphQL request that decide what it does; the signature covers their hash. */
export interface SignedGraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface SignatureInput {
  /** The subgraph the request is for: a signature for one subgraph is useless at another. */
  audience: string;
  identity: Identity | null;
  requestId: string;
  secret: string;
  /** Who is on the other end of the gateway's socket, for login throttling and audit. */
  client?: ClientInfo | null;
  /** The request the signature is for: a captured signature cannot carry another operation. */
  body: SignedGraphQLBody;
  /** Single-use value; random when absent. */
  nonce?: string;
  nowSeconds?: number;
}

/** The caller's network facts, vouched for by the gateway. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/**
 * Headers the gateway adds to every subgraph request: the caller's identity (or none) and an
 * HMAC over audience, time, a nonce, request id, identity, client and the hash of the body, so
 * a subgraph can tell that the request, exactly as it arrived, was written by the gateway.
 */
export function signGatewayRequest(input: SignatureInput): Record<string, string> {
  const issuedAt = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const nonce = input.nonce ?? randomBytes(16).toString('base64url');
  const identity = input.identity ? encodeIdentity(input.identity) : '';
  const client = input.client ? encodeJson(input.client) : '';
  const mac = hmac(input.secret, [
    input.audience,
    issuedAt,
    nonce,
    input.requestId,
    identity,
    client,
    graphqlBodyDigest(input.body),
  ]);
  return {
    [IDENTITY_HEADER]: identity,
    [SIGNATURE_HEADER]: `t=${issuedAt},n=${nonce},v2=${mac}`,
    [REQUEST_ID_HEADER]: input.requestId,
    ...(client ? { [CLIENT_HEADER]: client } : {}),
  };
}

export type CallerProof =
  | { kind: 'gateway'; identity: Identity | null; client: ClientInfo | null; nonce: string }
  | { kind: 'unsigned' }
  | { kind: 'forged'; reason: string };

export interface VerifyInput {
  audience: string;
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  /** The request as received; it must be the one the gateway signed. */
  body: SignedGraphQLBody;
  nowSeconds?: number;
}

/**
 * Checks the gateway's proof on an incoming request. `unsigned` means no proof and no identity
 * were sent; `forged` means an identity or signature was sent that does not verify for this
 * subgraph, time and body. A `gateway` proof still has to have its nonce accepted once (see
 * the subgraph's nonce store) before the request may run.
 */
export function verifyGatewayRequest(input: VerifyInput): CallerProof {
  const signature = header(input.headers, SIGNATURE_HEADER);
  const identityHeader = header(input.headers, IDENTITY_HEADER) ?? '';
  if (!signature) {
    return identityHeader
      ? { kind: 'forged', reason: 'identity without proof' }
      : { kind: 'unsigned' };
  }
  const match = /^t=(\d+),n=([\w-]{16,64}),v2=([0-9a-f]{64})$/.exec(signature);
  if (!match) return { kind: 'forged', reason: 'malformed signature' };
  const issuedAt = Number(match[1]);
  const nonce = match[2] ?? '';
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - issuedAt) > SIGNATURE_MAX_AGE_SECONDS)
    return { kind: 'forged', reason: 'expired signature' };
  const requestId = header(input.headers, REQUEST_ID_HEADER) ?? '';
  const clientHeader = header(input.headers, CLIENT_HEADER) ?? '';
  const parts = [
    input.audience,
    issuedAt,
    nonce,
    requestId,
    identityHeader,
    clientHeader,
    graphqlBodyDigest(input.body),
  ];
  if (!safeEqual(hmac(input.secret, parts), match[3] ?? ''))
    return { kind: 'forged', reason: 'bad signature' };
  const client = clientHeader ? decodeClient(clientHeader) : null;
  if (!identityHeader) return { kind: 'gateway', identity: null, client, nonce };
  const identity = decodeIdentity(identityHeader);
  return identity
    ? { kind: 'gateway', identity, client, nonce }
    : { kind: 'forged', reason: 'malformed identity' };
}

/**
 * SHA-256 of the query, variables and operation name as JSON. Both ends hash the values, not
 * the raw bytes: JSON that was parsed and serialised again yields the same text.
 */
export function graphqlBodyDigest(body: SignedGraphQLBody): string {
  const canonical = JSON.stringify([
    body.query ?? null,
    body.variables ?? null,
    body.operationName ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function encodeJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeClient(encoded: string): ClientInfo | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!payload || typeof payload !== 'object') return null;
    const { ip, userAgent } = payload as Record<string, unknown>;
    return typeof ip === 'string' && typeof userAgent === 'string' ? { ip, userAgent } : null;
  } catch {
    return null;
  }
}

function encodeIdentity(identity: Identity): string {
  return encodeJson({ sub: identity.userId, roles: identity.roles, sid: identity.sessionId });
}

function decodeIdentity(encoded: string): Identity | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!payload || typeof payload !== 'object') return null;
    const { sub, roles, sid } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !Array.isArray(roles)) return null;
    if (!roles.every(isRole)) return null;
    return { userId: sub, roles, sessionId: sid };
  } catch {
    return null;
  }
}

function hmac(secret: string, parts: Array<string | number>): string {
  return createHmac('sha256', secret).update(parts.join('\n')).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function header(headers: VerifyInput['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
