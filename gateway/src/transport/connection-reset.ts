/** Error codes of a socket the other side closed while we were using it. */
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/**
 * A request that failed because a kept-alive connection was closed under it (the server's idle
 * timeout won a race with our reuse). Such a request may be sent again on a fresh connection
 * when it is idempotent. Looks through `cause` chains: fetch wraps the socket error.
 */
export function isConnectionReset(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && RESET_CODES.has(code)) return true;
    current = cause;
  }
  return false;
}
