import type { ProductSnapshot } from '@shop/contracts';
import { AppError, BadUserInputError } from '@shop/errors';
import type { Money, OrderLine } from './order.model';

/** The cart's rules (docs/cart.md), so an order costs what its cart showed. */
export interface PricingRules {
  currency: string;
  /** Charged when the subtotal is below {@link freeShippingThreshold}. */
  shippingFee: number;
  freeShippingThreshold: number;
}

export interface RequestedLine {
  productId: string;
  quantity: number;
}

export interface PricedOrder {
  lines: OrderLine[];
  subtotal: Money;
  shippingFee: Money;
  discount: Money;
  total: Money;
}

/**
 * Why a line cannot be bought, naming its product: unknown (NOT_FOUND), archived, sold out or
 * short of units (OUT_OF_STOCK with the units available), or priced in another currency.
 */
export function lineRefusal(
  line: RequestedLine,
  product: ProductSnapshot | null,
  currency: string,
): AppError | null {
  const { productId } = line;
  if (!product) {
    return new AppError('NOT_FOUND', `Product ${productId} not found`, { productId });
  }
  if (!product.purchasable || product.availableQuantity < line.quantity) {
    return new AppError(
      'OUT_OF_STOCK',
      `Only ${product.availableQuantity} units of ${product.name} are available`,
      {
        productId,
        available: product.availableQuantity,
      },
    );
  }
  if (product.price.currency !== currency) {
    return new BadUserInputError(`${product.name} is not sold in ${currency}`, 'items');
  }
  return null;
}

/**
 * Freezes each line at its product's name and price now and totals the order by the cart's
 * rules: shipping below the free-shipping threshold, no discount until coupons exist (each
 * line's share of it 0), total = subtotal + shipping − discount.
 * @throws the first line's refusal ({@link lineRefusal}); nothing is priced then.
 */
export function priceOrder(
  requested: readonly RequestedLine[],
  products: ReadonlyArray<ProductSnapshot | null>,
  rules: PricingRules,
): PricedOrder {
  const money = (amount: number): Money => ({ amount, currency: rules.currency });
  const lines = requested.map((line, index): OrderLine => {
    const product = products[index] ?? null;
    const refusal = lineRefusal(line, product, rules.currency);
    if (refusal || !product) throw refusal;
    return {
      productId: line.productId,
      productName: product.name,
      unitPrice: money(product.price.amount),
      quantity: line.quantity,
      cancelledQuantity: 0,
      status: 'ORDERED',
      lineTotal: money(product.price.amount * line.quantity),
      discountShare: money(0),
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  const shippingFee =
    subtotal > 0 && subtotal < rules.freeShippingThreshold ? rules.shippingFee : 0;
  const discount = 0;
  return {
    lines,
    subtotal: money(subtotal),
    shippingFee: money(shippingFee),
    discount: money(discount),
    total: money(subtotal + shippingFee - discount),
  };
}
