import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Identity } from './identity';

export const IDENTITY_HEADER = 'x-shop-identity';
export const SIGNATURE_HEADER = 'x-shop-signature';
export const REQUEST_ID_HEADER = 'x-request-id';
/** The end client's address and user agent as the gateway saw them; covered by the signature. */
export const CLIENT_HEADER = 'x-shop-client';

/** A signature older than this is refused, which bounds replay of a captured request. */
const MAX_AGE_SECONDS = 30;

export interface SignatureInput {
  /** The subgraph the request is for: a signature for one subgraph is useless at another. */
  audience: string;
  identity: Identity | null;
  requestId: string;
  secret: string;
  /** Who is on the other end of the gateway's socket, for login throttling and audit. */
  client?: ClientInfo | null;
  nowSeconds?: number;
}

/** The caller's network facts, vouched for by the gateway. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/**
 * Headers the gateway adds to every subgraph request: the caller's identity (or none) and an
 * HMAC over audience, time, request id and identity, so a subgraph can tell that the identity
 * was established by the gateway and not made up by whoever reached its port.
 */
export function signGatewayRequest(input: SignatureInput): Record<string, string> {
  const issuedAt = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const identity = input.identity ? encodeIdentity(input.identity) : '';
  const client = input.client ? encodeJson(input.client) : '';
  const mac = hmac(input.secret, [input.audience, issuedAt, input.requestId, identity, client]);
  return {
    [IDENTITY_HEADER]: identity,
    [SIGNATURE_HEADER]: `t=${issuedAt},v1=${mac}`,
    [REQUEST_ID_HEADER]: input.requestId,
    ...(client ? { [CLIENT_HEADER]: client } : {}),
  };
}

export type CallerProof =
  | { kind: 'gateway'; identity: Identity | null; client: ClientInfo | null }
  | { kind: 'unproven' }
  | { kind: 'forged'; reason: string };

export interface VerifyInput {
  audience: string;
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  nowSeconds?: number;
}

/**
 * Checks the gateway's proof on an incoming request. `unproven` means no proof and no identity
 * were sent (a direct, anonymous call); `forged` means an identity or signature was sent that
 * does not verify, which subgraphs refuse outright.
 */
export function verifyGatewayRequest(input: VerifyInput): CallerProof {
  const signature = header(input.headers, SIGNATURE_HEADER);
  const identityHeader = header(input.headers, IDENTITY_HEADER) ?? '';
  if (!signature) {
    return identityHeader
      ? { kind: 'forged', reason: 'identity without proof' }
      : { kind: 'unproven' };
  }
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
  if (!match) return { kind: 'forged', reason: 'malformed signature' };
  const issuedAt = Number(match[1]);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - issuedAt) > MAX_AGE_SECONDS)
    return { kind: 'forged', reason: 'expired signature' };
  const requestId = header(input.headers, REQUEST_ID_HEADER) ?? '';
  const clientHeader = header(input.headers, CLIENT_HEADER) ?? '';
  const parts = [input.audience, issuedAt, requestId, identityHeader, clientHeader];
  if (!safeEqual(hmac(input.secret, parts), match[2] ?? ''))
    return { kind: 'forged', reason: 'bad signature' };
  const client = clientHeader ? decodeClient(clientHeader) : null;
  if (!identityHeader) return { kind: 'gateway', identity: null, client };
  const identity = decodeIdentity(identityHeader);
  return identity
    ? { kind: 'gateway', identity, client }
    : { kind: 'forged', reason: 'malformed identity' };
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
