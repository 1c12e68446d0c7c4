import {
  allocate,
  discountFor,
  isEligible,
  quoteCoupon,
  type DiscountTerms,
} from './coupon-discount';

const SELLER = 'seller-1';
const terms = (overrides: Partial<DiscountTerms> = {}): DiscountTerms => ({
  kind: 'PERCENT',
  value: 10,
  maxDiscount: null,
  minOrderAmount: 0,
  productIds: [],
  issuerId: SELLER,
  issuerRole: 'SELLER',
  ...overrides,
});
const line = (productId: string, lineTotal: number, sellerId: string | null = SELLER) => ({
  productId,
  sellerId,
  lineTotal,
});

describe('discountFor', () => {
  it('rounds a percentage down to the won', () => {
    expect(discountFor(terms({ value: 15 }), 12_345)).toBe(1_851);
    expect(discountFor(terms({ value: 33 }), 999)).toBe(329);
  });

  it('caps a percentage at maxDiscount', () => {
    expect(discountFor(terms({ value: 50, maxDiscount: 5_000 }), 30_000)).toBe(5_000);
    expect(discountFor(terms({ value: 50, maxDiscount: 5_000 }), 8_000)).toBe(4_000);
  });

  it('takes a fixed amount but never more than the eligible subtotal', () => {
    expect(discountFor(terms({ kind: 'FIXED', value: 3_000 }), 20_000)).toBe(3_000);
    expect(discountFor(terms({ kind: 'FIXED', value: 3_000 }), 2_500)).toBe(2_500);
    expect(discountFor(terms({ kind: 'PERCENT', value: 100 }), 7_777)).toBe(7_777);
  });

  it('gives nothing on nothing', () => {
    expect(discountFor(terms({ kind: 'FIXED', value: 3_000 }), 0)).toBe(0);
  });
});

describe('allocate', () => {
  it('splits in proportion and adds up exactly, leftovers to the largest remainders', () => {
    const shares = allocate(1_000, [10_000, 10_000, 10_000]);
    expect(shares).toEqual([334, 333, 333]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1_000);
  });

  it('gives lines of weight 0 nothing', () => {
    expect(allocate(1_001, [0, 3_000, 0, 1_000])).toEqual([0, 751, 0, 250]);
  });

  it('adds up exactly over many uneven lines', () => {
    const weights = [9_900, 12_345, 1, 77_777, 3_333, 500];
    const total = weights.reduce((a, b) => a + b, 0);
    for (const discount of [1, 7, 999, 10_001, total]) {
      const shares = allocate(discount, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(discount);
      shares.forEach((share, index) => {
        expect(Math.abs(share - (discount * (weights[index] ?? 0)) / total)).toBeLessThan(1);
      });
    }
  });

  it('allocates nothing when there is nothing to allocate', () => {
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
  });
});

describe('isEligible', () => {
  it('covers the named products only when the campaign names some', () => {
    const named = terms({ productIds: ['p1'] });
    expect(isEligible(named, line('p1', 1))).toBe(true);
    expect(isEligible(named, line('p2', 1))).toBe(false);
  });

  it("covers a seller's own products, and every product for an ADMIN", () => {
    expect(isEligible(terms(), line('p1', 1, SELLER))).toBe(true);
    expect(isEligible(terms(), line('p1', 1, 'other-seller'))).toBe(false);
    expect(isEligible(terms(), line('p1', 1, null))).toBe(false);
    const admin = terms({ issuerRole: 'ADMIN', issuerId: 'admin' });
    expect(isEligible(admin, line('p1', 1, null))).toBe(true);
  });
});

describe('quoteCoupon', () => {
  it('discounts the eligible lines only and puts each share on its line', () => {
    const verdict = quoteCoupon(terms({ value: 10 }), [
      line('a', 20_000),
      line('b', 15_000, 'other-seller'),
      line('c', 5_000),
    ]);
    expect(verdict).toEqual({ applicable: true, discount: 2_500, shares: [2_000, 0, 500] });
  });

  it('refuses below the minimum order amount, counting every line, with the reason', () => {
    const verdict = quoteCoupon(terms({ minOrderAmount: 30_000 }), [line('a', 29_999)]);
    expect(verdict).toMatchObject({ applicable: false, discount: 0 });
    expect(verdict.applicable ? '' : verdict.reason).toContain('30000');
    expect(quoteCoupon(terms({ minOrderAmount: 30_000 }), [line('a', 30_000)]).applicable).toBe(
      true,
    );
  });

  it('refuses a basket without an eligible product', () => {
    const verdict = quoteCoupon(terms(), [line('a', 50_000, 'other-seller')]);
    expect(verdict).toEqual({
      applicable: false,
      reason: 'No product of this order is covered by the coupon',
      discount: 0,
    });
  });
});
