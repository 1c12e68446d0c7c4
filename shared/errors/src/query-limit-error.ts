import { GraphQLError } from 'graphql';
import type { QueryLimitCode } from './error-codes';

/** A document refused by a query limit before anything ran (HTTP 400, or 200 for plain JSON). */
export class QueryLimitError extends GraphQLError {
  constructor(code: QueryLimitCode, message: string, limit: number, found: number) {
    super(message, { extensions: { code, limit, found, http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }
}
