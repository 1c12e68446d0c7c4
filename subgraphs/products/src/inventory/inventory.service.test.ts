import { mergeLines } from './inventory.service';

describe('mergeLines', () => {
  it('sums duplicate products and orders lines by product id, so equal requests compare equal', () => {
    const a = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const b = 'BBBBBBBBBBBBBBBBBBBBBBBB';
    expect(
      mergeLines([
        { productId: b, quantity: 1 },
        { productId: a, quantity: 2 },
        { productId: b.toLowerCase(), quantity: 3 },
      ]),
    ).toEqual([
      { productId: a, quantity: 2 },
      { productId: b.toLowerCase(), quantity: 4 },
    ]);
  });
});
