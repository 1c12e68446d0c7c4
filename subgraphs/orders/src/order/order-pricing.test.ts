import type { ProductSnapshot } from '@shop/contracts';
import { priceOrder } from './order-pricing';

const rules = { currency: 'KRW', shippingFee: 3_000, freeShippingThreshold: 50_000 };
const product = (
  id: string,
  price: number,
  state: Partial<ProductSnapshot> = {},
): ProductSnapshot => ({
  id,
  sku: `SKU-${id}`,
  name: `Product ${id}`,
  price: { amount: price, currency: 'KRW' },
  status: 'ACTIVE',
  availableQuantity: 50,
  stockStatus: 'IN_STOCK',
  purchasable: true,
  ...state,
});

describe('order pricing', () => {
  it('freezes names and prices and charges shipping below the threshold', () => {
    const order = priceOrder(
      [
        { productId: 'a', quantity: 2 },
        { productId: 'b', quantity: 1 },
      ],
      [product('a', 12_000), product('b', 9_900)],
      rules,
    );
    expect(
      order.lines.map((line) => [line.productName, line.unitPrice.amount, line.lineTotal.amount]),
    ).toEqual([
      ['Product a', 12_000, 24_000],
      ['Product b', 9_900, 9_900],
    ]);
    expect(
      order.lines.every((line) => line.discountShare.amount === 0 && line.cancelledQuantity === 0),
    ).toBe(true);
    expect([
      order.subtotal.amount,
      order.shippingFee.amount,
      order.discount.amount,
      order.total.amount,
    ]).toEqual([33_900, 3_000, 0, 36_900]);
  });

  it('ships free at the threshold', () => {
    const order = priceOrder([{ productId: 'a', quantity: 5 }], [product('a', 10_000)], rules);
    expect([order.subtotal.amount, order.shippingFee.amount, order.total.amount]).toEqual([
      50_000, 0, 50_000,
    ]);
  });

  it('refuses a line naming its product: unknown, unpurchasable, short, or in another currency', () => {
    const line = { productId: 'a', quantity: 3 };
    expect(() => priceOrder([line], [null], rules)).toThrow(
      expect.objectContaining({ extensions: { code: 'NOT_FOUND', productId: 'a' } }),
    );
    expect(() =>
      priceOrder([line], [product('a', 1, { purchasable: false, availableQuantity: 0 })], rules),
    ).toThrow(
      expect.objectContaining({
        extensions: { code: 'OUT_OF_STOCK', productId: 'a', available: 0 },
      }),
    );
    expect(() => priceOrder([line], [product('a', 1, { availableQuantity: 2 })], rules)).toThrow(
      expect.objectContaining({
        extensions: { code: 'OUT_OF_STOCK', productId: 'a', available: 2 },
      }),
    );
    expect(() =>
      priceOrder([line], [product('a', 1, { price: { amount: 1, currency: 'USD' } })], rules),
    ).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'items' } }));
  });
});
