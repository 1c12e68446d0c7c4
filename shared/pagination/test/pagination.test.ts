import { AppError } from '@shop/errors';
import { boundedCount, connectionOf, decodeCursor, encodeCursor } from '../src';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? [error.code, error.extensions['field']] : error;
  }
};

describe('pagination', () => {
  it('takes counts within bounds and refuses others, naming the argument', () => {
    expect(boundedCount(undefined)).toBe(20);
    expect(boundedCount(100)).toBe(100);
    expect(codeOf(() => boundedCount(101))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(codeOf(() => boundedCount(0))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(codeOf(() => boundedCount(2.5, { field: 'limit', max: 20 }))).toEqual([
      'BAD_USER_INPUT',
      'limit',
    ]);
    expect(boundedCount(0, { field: 'limit', min: 0, max: 20 })).toBe(0);
  });

  it('round-trips cursors and refuses forged ones', () => {
    const cursor = encodeCursor(['PRICE_ASC', 1200, 'abc']);
    expect(decodeCursor(cursor, 3)).toEqual(['PRICE_ASC', 1200, 'abc']);
    for (const forged of [
      'not base64 json',
      encodeCursor(['PRICE_ASC', 1200]),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["x",{"$gt":1},"y"]').toString('base64url'),
    ]) {
      expect(codeOf(() => decodeCursor(forged, 3))).toEqual(['BAD_USER_INPUT', 'after']);
    }
  });

  it('builds a page from first + 1 rows', () => {
    const page = connectionOf([1, 2, 3], 2, 10, (n) => `c${n}`);
    expect(page).toEqual({
      edges: [
        { cursor: 'c1', node: 1 },
        { cursor: 'c2', node: 2 },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c2' },
      totalCount: 10,
    });
    expect(connectionOf([], 2, 0, String).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
  });
});
