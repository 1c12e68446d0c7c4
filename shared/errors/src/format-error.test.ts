import { GraphQLError } from 'graphql';
import { AppError, NotFoundError } from './app-errors';
import { formatError } from './format-error';

describe('formatError', () => {
  const logged: object[] = [];
  const format = formatError({ error: (details) => logged.push(details) });

  it('keeps errors with a public code and drops stack traces', () => {
    const error = new NotFoundError('Product', 'p1');
    const formatted = format(
      { message: error.message, extensions: { code: 'NOT_FOUND', stacktrace: ['at x'] } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Product p1 not found',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('keeps GraphQL request errors', () => {
    const formatted = format(
      { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('masks unknown errors and logs them', () => {
    const cause = new Error('E11000 duplicate key error collection: shop.users');
    const formatted = format(
      {
        message: cause.message,
        path: ['register'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at mongo'] },
      },
      new GraphQLError(cause.message, { originalError: cause }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['register'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toContainEqual(expect.objectContaining({ err: cause }));
  });

  it('masks errors carrying a code that is not in the contract', () => {
    const formatted = format(
      { message: 'secret detail', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } },
      new Error('x'),
    );
    expect(formatted.message).toBe('Internal server error');
  });

  it('answers SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR, when a dependency timed out', () => {
    const timeouts = [
      Object.assign(new Error('Server selection timed out after 2000 ms'), {
        name: 'MongoServerSelectionError',
      }),
      new Error('Command timed out'),
      new Error('wrapped', { cause: new DOMException('aborted', 'TimeoutError') }),
    ];
    for (const cause of timeouts) {
      const formatted = format(
        { message: cause.message, path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        new GraphQLError(cause.message, { originalError: cause }),
      );
      expect(formatted).toEqual({
        message: 'A service this request needs is unavailable, try again shortly',
        path: ['me'],
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  });

  it('removes "Did you mean" suggestions when asked to', () => {
    const hiding = formatError({ error: () => undefined }, { hideSuggestions: true });
    const message =
      'Variable "$f" got invalid value { serch: "x" }; Field "serch" is not defined by type "ProductFilter". Did you mean "search"?';
    expect(
      hiding({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message))
        .message,
    ).toBe(
      'Variable "$f" got invalid value { serch: "x" }; Field "serch" is not defined by type "ProductFilter".',
    );
    expect(
      hiding(
        {
          message: 'Cannot query field "nme" on type "Product". Did you mean "name" or "sku"?',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
        new GraphQLError('x'),
      ).message,
    ).toBe('Cannot query field "nme" on type "Product".');
  });

  it('gives AppError its code and details', () => {
    const error = new AppError('ACCOUNT_LOCKED', 'Locked', { retryAfterSeconds: 60 });
    expect(error.extensions).toEqual({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 60 });
    expect(error.code).toBe('ACCOUNT_LOCKED');
  });
});
