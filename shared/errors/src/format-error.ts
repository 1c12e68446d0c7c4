import type { GraphQLFormattedError } from 'graphql';
import { isDependencyFailure } from './dependency-failure';
import { isPublicErrorCode } from './error-codes';

export interface MaskedErrorLogger {
  error(details: object, message: string): void;
}

export interface FormatErrorOptions {
  /**
   * Remove GraphQL's "Did you mean …?" hints, which name fields, arguments and enum values a
   * caller did not ask for; on in production. @defaultValue false
   */
  hideSuggestions?: boolean;
}

const SUGGESTION = / ?Did you mean .+?\?(?=$|\n)/gs;

/**
 * Keeps errors that carry a public code and masks everything else, so no internal message,
 * stack trace or driver detail ever reaches a client. A dependency that is down or too slow
 * becomes SERVICE_UNAVAILABLE; other masked errors are logged in full.
 */
export function formatError(logger: MaskedErrorLogger, options: FormatErrorOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // The gateway adds `serviceName` to subgraph errors; which subgraph failed is not the
    // client's business.
    const {
      stacktrace: _stacktrace,
      serviceName: _serviceName,
      ...extensions
    } = formatted.extensions ?? {};
    const path = formatted.path ? { path: formatted.path } : {};
    if (isPublicErrorCode(extensions['code'])) {
      const message = options.hideSuggestions
        ? formatted.message.replace(SUGGESTION, '')
        : formatted.message;
      return { ...formatted, message, extensions };
    }
    const cause = unwrap(error);
    if (isDependencyFailure(cause)) {
      logger.error({ err: cause, path: formatted.path }, 'dependency unavailable');
      return {
        message: 'A service this request needs is unavailable, try again shortly',
        ...path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    logger.error({ err: cause, path: formatted.path }, 'masked internal error');
    return {
      message: 'Internal server error',
      ...path,
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
