/**
 * Errors the MongoDB driver, mongoose and ioredis raise when the server does not answer in time
 * or cannot be reached, by name: this package does not depend on either client.
 */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoOperationTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MaxRetriesPerRequestError',
  // AbortSignal.timeout() and fetch deadlines.
  'TimeoutError',
]);

const UNAVAILABLE_MESSAGES = [
  /^Command timed out$/, // ioredis commandTimeout
  /^Connection is closed\.$/, // ioredis after a disconnect
  /^Stream isn't writeable and enableOfflineQueue options is false$/,
  /buffering timed out after \d+ms$/, // mongoose while disconnected
];

/**
 * True when `error` (or an error it wraps as `cause` or `originalError`) says a dependency is
 * down or too slow, as opposed to a bug: such failures are answered SERVICE_UNAVAILABLE.
 */
export function isDependencyFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof name === 'string' && UNAVAILABLE_ERROR_NAMES.has(name)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  const { cause, originalError } = error as { cause?: unknown; originalError?: unknown };
  return isDependencyFailure(cause, depth + 1) || isDependencyFailure(originalError, depth + 1);
}
