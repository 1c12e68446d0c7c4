import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes';

/** A failure the client can act on, carrying a stable `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
    this.name = 'AppError';
  }

  get code(): ErrorCode {
    return this.extensions['code'] as ErrorCode;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to do this') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field ? { field } : {});
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** A subgraph or a dependency did not answer in time, or is down; retrying later may work. */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'A service this request needs is unavailable, try again shortly') {
    super('SERVICE_UNAVAILABLE', message);
  }
}
