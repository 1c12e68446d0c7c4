/** The stable `extensions.code` values of the public contract (`API.md`). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'INVALID_TOKEN',
  'OUT_OF_STOCK',
  'INSUFFICIENT_BALANCE',
  'PAYMENT_FAILED',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_STATE_TRANSITION',
  'EMPTY_CART',
  'COUPON_SOLD_OUT',
  'COUPON_ALREADY_CLAIMED',
  'COUPON_NOT_APPLICABLE',
  'COUPON_EXPIRED',
  /** A subgraph or a dependency (Redis, MongoDB, another service) is down or too slow. */
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes produced by GraphQL itself for malformed requests; safe to show clients. */
export const GRAPHQL_REQUEST_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

/**
 * Codes of documents refused by the query limits before anything runs; `extensions.limit` and
 * `extensions.found` say by how much.
 */
export const QUERY_LIMIT_CODES = [
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COSTLY',
] as const;

export type QueryLimitCode = (typeof QUERY_LIMIT_CODES)[number];

const publicCodes = new Set<string>([
  ...ERROR_CODES,
  ...GRAPHQL_REQUEST_CODES,
  ...QUERY_LIMIT_CODES,
]);

export function isPublicErrorCode(code: unknown): boolean {
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && publicCodes.has(code);
}
