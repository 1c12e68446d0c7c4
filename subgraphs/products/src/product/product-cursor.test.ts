import { Types } from 'mongoose';
import { encodeCursor } from '@shop/pagination';
import { decodePosition, encodePosition } from './product-cursor';
import { mongoAfter } from './product-sort';

describe('product cursors', () => {
  const id = new Types.ObjectId();

  it('round-trips a position and is tied to its order', () => {
    const cursor = encodePosition({ order: 'PRICE_ASC', value: 12_000, id });
    expect(decodePosition(cursor, 'PRICE_ASC')).toEqual({ order: 'PRICE_ASC', value: 12_000, id });
    expect(() => decodePosition(cursor, 'NEWEST')).toThrow('Invalid cursor');
  });

  it.each([
    ['', 'PRICE_ASC'],
    ['abc', 'PRICE_ASC'],
    [Buffer.from('["PRICE_ASC",1,"zz"]').toString('base64url'), 'PRICE_ASC'],
    [Buffer.from('{}').toString('base64url'), 'PRICE_ASC'],
    // A hand-made cursor whose value is an operator: once a CastError, now refused up front.
    [encodeCursor(['PRICE_ASC', '$gt', id.toHexString()]), 'PRICE_ASC'],
    [encodeCursor(['NAME_ASC', 5, id.toHexString()]), 'NAME_ASC'],
    [encodeCursor(['CATALOG', 'x', id.toHexString()]), 'CATALOG'],
  ] as const)('refuses the malformed cursor %p with BAD_USER_INPUT', (cursor, order) => {
    expect(() => decodePosition(cursor, order)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it('continues strictly after (key, id) in the direction of the order', () => {
    expect(mongoAfter('PRICE_DESC', 5, id)).toEqual({
      $or: [{ 'price.amount': { $lt: 5 } }, { 'price.amount': 5, _id: { $lt: id } }],
    });
    expect(mongoAfter('NEWEST', 1_000, id)).toEqual({
      $or: [
        { createdAt: { $lt: new Date(1_000) } },
        { createdAt: new Date(1_000), _id: { $lt: id } },
      ],
    });
    expect(mongoAfter('CATALOG', null, id)).toEqual({ _id: { $gt: id } });
  });
});
