import { Types } from 'mongoose';
import { decodeCursor, encodeCursor } from './product-cursor';
import { afterPosition } from './product-sort';

describe('product cursors', () => {
  const id = new Types.ObjectId();

  it('round-trips a position and is tied to its sort', () => {
    const cursor = encodeCursor({ sort: 'PRICE_ASC', value: 12_000, id });
    expect(decodeCursor(cursor, 'PRICE_ASC')).toEqual({ sort: 'PRICE_ASC', value: 12_000, id });
    expect(() => decodeCursor(cursor, 'NEWEST')).toThrow('Invalid cursor');
  });

  it.each([
    '',
    'abc',
    Buffer.from('["PRICE_ASC",1,"zz"]').toString('base64url'),
    Buffer.from('{}').toString('base64url'),
  ])('refuses the malformed cursor %p with BAD_USER_INPUT', (cursor) => {
    expect(() => decodeCursor(cursor, 'PRICE_ASC')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it('continues strictly after (key, id) in the direction of the sort', () => {
    expect(afterPosition('PRICE_DESC', { sort: 'PRICE_DESC', value: 5, id })).toEqual({
      $or: [{ 'price.amount': { $lt: 5 } }, { 'price.amount': 5, _id: { $lt: id } }],
    });
    expect(afterPosition('NEWEST', { sort: 'NEWEST', value: 1_000, id })).toEqual({
      $or: [
        { createdAt: { $lt: new Date(1_000) } },
        { createdAt: new Date(1_000), _id: { $lt: id } },
      ],
    });
    expect(afterPosition('CATALOG', { sort: 'CATALOG', value: null, id })).toEqual({
      _id: { $gt: id },
    });
  });
});
