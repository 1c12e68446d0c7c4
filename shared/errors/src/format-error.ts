import type { GraphQLFormattedError } from 'graphql';
import { isPublicErrorCode } from './error-codes';

export interface MaskedErrorLogger {
  error(details: object, message: string): void;
}

/**
 * Keeps errors that carry a public code and masks everything else, so no internal message,
 * stack trace or driver detail ever reaches a client. Masked errors are logged in full.
 */
export function formatError(logger: MaskedErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (isPublicErrorCode(extensions['code'])) {
      return { ...formatted, extensions };
    }
    logger.error({ err: unwrap(error), path: formatted.path }, 'masked internal error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function unwrap(error: unknown): unknown {
  if (error && typeof error === 'object' && 'originalError' in error && error.originalError) {
    return error.originalError;
  }
  return error;
}
