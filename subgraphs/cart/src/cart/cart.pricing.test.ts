import type { ProductSnapshot } from '@shop/contracts';
import { cartTotals, priceLine, type PricingRules } from './cart.pricing';

const rules: PricingRules = { currency: 'KRW', shippingFee: 3_000, freeShippingThreshold: 50_000 };

function product(overrides: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return {
    id: 'p1',
    sku: 'SKU-1',
    name: '상품',
    price: { amount: 12_500, currency: 'KRW' },
    status: 'ACTIVE',
    availableQuantity: 20,
    stockStatus: 'IN_STOCK',
    purchasable: true,
    ...overrides,
  };
}

describe('priceLine', () => {
  it('prices a line at the current price with its stock status', () => {
    expect(priceLine({ productId: 'p1', quantity: 3 }, product(), rules)).toEqual({
      productId: 'p1',
      quantity: 3,
      unitPrice: { amount: 12_500, currency: 'KRW' },
      lineTotal: { amount: 37_500, currency: 'KRW' },
      stockStatus: 'IN_STOCK',
      purchasable: true,
    });
  });

  it('flags a line that sold out, was archived or exceeds what is available', () => {
    const soldOut = product({ availableQuantity: 0, stockStatus: 'SOLD_OUT', purchasable: false });
    const archived = product({ status: 'ARCHIVED', purchasable: false });
    const short = product({ availableQuantity: 2, stockStatus: 'LOW_STOCK' });
    const line = { productId: 'p1', quantity: 3 };
    expect(priceLine(line, soldOut, rules)).toMatchObject({
      stockStatus: 'SOLD_OUT',
      purchasable: false,
    });
    expect(priceLine(line, archived, rules).purchasable).toBe(false);
    expect(priceLine(line, short, rules)).toMatchObject({
      stockStatus: 'LOW_STOCK',
      purchasable: false,
    });
  });

  it('keeps a vanished product at zero, sold out and not purchasable', () => {
    expect(priceLine({ productId: 'gone', quantity: 2 }, null, rules)).toEqual({
      productId: 'gone',
      quantity: 2,
      unitPrice: { amount: 0, currency: 'KRW' },
      lineTotal: { amount: 0, currency: 'KRW' },
      stockStatus: 'SOLD_OUT',
      purchasable: false,
    });
  });
});

describe('cartTotals', () => {
  const line = (amount: number, quantity: number, purchasable = true) =>
    priceLine(
      { productId: `p${amount}`, quantity },
      product({ price: { amount, currency: 'KRW' }, purchasable }),
      rules,
    );

  it('charges shipping just below the threshold and not at it', () => {
    expect(cartTotals([line(49_999, 1)], rules)).toEqual({
      itemCount: 1,
      subtotal: { amount: 49_999, currency: 'KRW' },
      shippingFee: { amount: 3_000, currency: 'KRW' },
      discount: { amount: 0, currency: 'KRW' },
      total: { amount: 52_999, currency: 'KRW' },
      purchasable: true,
    });
    expect(cartTotals([line(25_000, 2)], rules)).toMatchObject({
      itemCount: 2,
      subtotal: { amount: 50_000 },
      shippingFee: { amount: 0 },
      total: { amount: 50_000 },
    });
  });

  it('uses the configured fee and threshold', () => {
    const custom = { ...rules, shippingFee: 2_500, freeShippingThreshold: 30_000 };
    expect(cartTotals([line(10_000, 2)], custom)).toMatchObject({
      shippingFee: { amount: 2_500 },
      total: { amount: 22_500 },
    });
    expect(cartTotals([line(10_000, 3)], custom).shippingFee.amount).toBe(0);
  });

  it('charges nothing for an empty cart, which cannot be checked out', () => {
    expect(cartTotals([], rules)).toMatchObject({
      itemCount: 0,
      subtotal: { amount: 0 },
      shippingFee: { amount: 0 },
      total: { amount: 0 },
      purchasable: false,
    });
  });

  it('is not purchasable when one line is not', () => {
    expect(cartTotals([line(1_000, 1), line(2_000, 1, false)], rules)).toMatchObject({
      itemCount: 2,
      subtotal: { amount: 3_000 },
      purchasable: false,
    });
  });

  it('leaves a line priced in another currency out of the totals and flags it', () => {
    const dollars = priceLine(
      { productId: 'usd', quantity: 1 },
      product({ price: { amount: 999, currency: 'USD' } }),
      rules,
    );
    expect(dollars.purchasable).toBe(false);
    expect(cartTotals([line(1_000, 1), dollars], rules)).toMatchObject({
      subtotal: { amount: 1_000, currency: 'KRW' },
      purchasable: false,
    });
  });
});
