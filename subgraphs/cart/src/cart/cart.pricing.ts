import type { ProductSnapshot } from '@shop/contracts';
import type { StoredCartLine } from './cart.store';

export interface Money {
  amount: number;
  currency: string;
}

export type StockStatus = ProductSnapshot['stockStatus'];

/** How totals are computed; from configuration. */
export interface PricingRules {
  /** Currency of totals; lines priced in another currency are left out of them. */
  currency: string;
  /** Charged when the subtotal is below {@link freeShippingThreshold}. */
  shippingFee: number;
  freeShippingThreshold: number;
}

/** A line at the product's current price and stock. */
export interface PricedLine {
  productId: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  stockStatus: StockStatus;
  /** The product can be bought now in this quantity. */
  purchasable: boolean;
}

export interface CartTotals {
  itemCount: number;
  subtotal: Money;
  shippingFee: Money;
  discount: Money;
  total: Money;
  /** The cart has lines and checkout could take every one of them. */
  purchasable: boolean;
}

/**
 * Prices one line with the product's snapshot. A product that no longer exists stays in the
 * cart at a price of zero, sold out and not purchasable, so checkout refuses it by name.
 */
export function priceLine(
  line: StoredCartLine,
  product: ProductSnapshot | null,
  rules: Pick<PricingRules, 'currency'>,
): PricedLine {
  if (!product) {
    const zero = { amount: 0, currency: rules.currency };
    return {
      ...line,
      unitPrice: zero,
      lineTotal: zero,
      stockStatus: 'SOLD_OUT',
      purchasable: false,
    };
  }
  return {
    ...line,
    unitPrice: product.price,
    lineTotal: { amount: product.price.amount * line.quantity, currency: product.price.currency },
    stockStatus: product.stockStatus,
    purchasable:
      product.purchasable &&
      line.quantity <= product.availableQuantity &&
      product.price.currency === rules.currency,
  };
}

/**
 * Totals of priced lines: subtotal of every line in the cart's currency, the shipping fee
 * below the free-shipping threshold (none for an empty cart), no discount until coupons exist,
 * and total = subtotal + shipping − discount.
 */
export function cartTotals(lines: readonly PricedLine[], rules: PricingRules): CartTotals {
  const money = (amount: number): Money => ({ amount, currency: rules.currency });
  const subtotal = lines
    .filter((line) => line.lineTotal.currency === rules.currency)
    .reduce((sum, line) => sum + line.lineTotal.amount, 0);
  const shippingFee =
    lines.length === 0 || subtotal >= rules.freeShippingThreshold ? 0 : rules.shippingFee;
  const discount = 0;
  return {
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: money(subtotal),
    shippingFee: money(shippingFee),
    discount: money(discount),
    total: money(subtotal + shippingFee - discount),
    purchasable: lines.length > 0 && lines.every((line) => line.purchasable),
  };
}
