import type { ProductLoaders } from '../product/product.loaders';
import {
  cartTotals,
  priceLine,
  type CartTotals,
  type PricedLine,
  type PricingRules,
} from './cart.pricing';
import type { StoredCart, StoredCartLine } from './cart.store';

/**
 * Prices carts at the products' current prices and stock as the products read model shows
 * them, per request: all lines a request shows are looked up together in one internal call
 * (see {@link ProductLoaders}).
 */
export class CartPricingService {
  private readonly totalsByCart = new WeakMap<StoredCart, Promise<CartTotals>>();

  constructor(
    private readonly products: ProductLoaders,
    private readonly rules: PricingRules,
  ) {}

  /** One line at the product's current price, with its stock status. */
  async line(line: StoredCartLine): Promise<PricedLine> {
    return priceLine(line, await this.products.shownProductById.load(line.productId), this.rules);
  }

  /** Subtotal, shipping, discount and total of a cart; computed once per cart and request. */
  totals(cart: StoredCart): Promise<CartTotals> {
    let totals = this.totalsByCart.get(cart);
    if (!totals) {
      totals = Promise.all(cart.lines.map((line) => this.line(line))).then((lines) =>
        cartTotals(lines, this.rules),
      );
      this.totalsByCart.set(cart, totals);
    }
    return totals;
  }
}
