import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const CALLER_HEADER = 'x-shop-caller';
export const INTERNAL_SIGNATURE_HEADER = 'x-shop-internal-signature';

const MAX_AGE_SECONDS = 30;

export interface InternalSignatureInput {
  /** The calling service, e.g. `cart`. */
  caller: string;
  /** The service called, e.g. `products`: a signature for one is useless at another. */
  audience: string;
  /** The exact request body, so a captured signature cannot carry another body. */
  body: string;
  secret: string;
  nowSeconds?: number;
}

/** Headers that authenticate one service-to-service request (internal APIs, not the graph). */
export function signInternalRequest(input: InternalSignatureInput): Record<string, string> {
  const issuedAt = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  return {
    [CALLER_HEADER]: input.caller,
    [INTERNAL_SIGNATURE_HEADER]: `t=${issuedAt},v1=${mac(input, issuedAt)}`,
  };
}

/** The verified caller, or null when the signature is missing, stale or wrong. */
export function verifyInternalRequest(
  input: Omit<InternalSignatureInput, 'caller'> & {
    headers: Record<string, string | string[] | undefined>;
  },
): string | null {
  const caller = single(input.headers[CALLER_HEADER]);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
    single(input.headers[INTERNAL_SIGNATURE_HEADER]) ?? '',
  );
  if (!caller || !match) return null;
  const issuedAt = Number(match[1]);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - issuedAt) > MAX_AGE_SECONDS) return null;
  const expected = Buffer.from(mac({ ...input, caller }, issuedAt));
  const given = Buffer.from(match[2] ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given) ? caller : null;
}

function mac(input: InternalSignatureInput, issuedAt: number): string {
  const bodyHash = createHash('sha256').update(input.body).digest('hex');
  return createHmac('sha256', input.secret)
    .update([input.audience, input.caller, issuedAt, bodyHash].join('\n'))
    .digest('hex');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
