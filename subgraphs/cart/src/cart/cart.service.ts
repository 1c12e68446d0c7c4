import { cartItemAdded, type ProductSnapshot } from '@shop/contracts';
import { requireOwnerOrStaff, requireUser, type Identity } from '@shop/auth';
import { BadUserInputError, NotFoundError } from '@shop/errors';
import type { ProductLoaders } from '../product/product.loaders';
import { OutOfStockError } from './cart.errors';
import type { CartLoaders } from './cart.loaders';
import type { CartStore, CartWriteOutcome, StoredCart } from './cart.store';

/** At most this many distinct products in a cart. */
export const MAX_CART_LINES = 50;
/** At most this many units of one product in a cart. */
export const MAX_LINE_QUANTITY = 99;

export interface CartServiceDependencies {
  store: CartStore;
  loaders: CartLoaders;
  /** Live price and availability from the products subgraph. */
  products: ProductLoaders;
  /** The only currency a cart takes products in. */
  currency: string;
}

/**
 * The rules of a user's cart: who may see it, what may be added, and in what quantity. Every
 * write is one atomic script in {@link CartStore}; a refused write changes nothing.
 */
export class CartService {
  constructor(private readonly deps: CartServiceDependencies) {}

  /** The caller's own cart; UNAUTHENTICATED when anonymous. */
  async myCart(identity: Identity | null): Promise<StoredCart> {
    const user = requireUser(identity);
    return this.deps.loaders.cartById.load(user.userId);
  }

  /** A cart by id, for its owner and for staff (AGENT, ADMIN) only. */
  async cartById(id: string, identity: Identity | null): Promise<StoredCart> {
    requireOwnerOrStaff(identity, id);
    return this.deps.loaders.cartById.load(id);
  }

  /**
   * Adds `quantity` units of a product to the caller's cart, to its line if there is one, and
   * records a `cart.item.added` event in the same atomic write.
   *
   * @throws BAD_USER_INPUT when quantity is below 1, or the cart would exceed
   *   {@link MAX_CART_LINES} lines or {@link MAX_LINE_QUANTITY} units in the line
   * @throws NOT_FOUND for an unknown product
   * @throws OUT_OF_STOCK when the product is not purchasable or the line would exceed the
   *   units available
   */
  async addToCart(
    identity: Identity | null,
    productId: string,
    quantity: number,
  ): Promise<StoredCart> {
    const user = requireUser(identity);
    if (quantity < 1) throw new BadUserInputError('Quantity must be at least 1', 'quantity');
    checkLineQuantity(quantity);
    const product = await this.purchasableProduct(productId, quantity);
    // The products subgraph's spelling of the id, so one product never gets two lines.
    const outcome = await this.deps.store.addLine(
      user.userId,
      { productId: product.id, quantity },
      {
        availableQuantity: product.availableQuantity,
        maxLines: MAX_CART_LINES,
        maxLineQuantity: MAX_LINE_QUANTITY,
      },
      cartItemAdded.create({
        cartId: user.userId,
        userId: user.userId,
        productId: product.id,
        quantity,
        unitPrice: product.price,
      }),
    );
    return this.written(productId, outcome, product);
  }

  /**
   * Sets the quantity of a line already in the caller's cart; 0 removes it.
   *
   * @throws BAD_USER_INPUT when quantity is negative or above {@link MAX_LINE_QUANTITY}
   * @throws NOT_FOUND when the product is unknown or not in the cart
   * @throws OUT_OF_STOCK when the product is not purchasable or has fewer units available
   */
  async updateCartItem(
    identity: Identity | null,
    productId: string,
    quantity: number,
  ): Promise<StoredCart> {
    const user = requireUser(identity);
    if (quantity < 0) throw new BadUserInputError('Quantity cannot be negative', 'quantity');
    checkLineQuantity(quantity);
    const product = quantity > 0 ? await this.purchasableProduct(productId, quantity) : null;
    const outcome = await this.deps.store.setLineQuantity(user.userId, {
      productId: product?.id ?? productId,
      quantity,
    });
    return this.written(productId, outcome, product);
  }

  /** Removes a product's line from the caller's cart; a product not in it changes nothing. */
  async removeFromCart(identity: Identity | null, productId: string): Promise<StoredCart> {
    const user = requireUser(identity);
    const outcome = await this.deps.store.setLineQuantity(user.userId, { productId, quantity: 0 });
    return this.written(productId, outcome, null);
  }

  /** Empties the caller's cart. */
  async clearCart(identity: Identity | null): Promise<StoredCart> {
    const user = requireUser(identity);
    return this.remember(await this.deps.store.clear(user.userId));
  }

  /** The product's snapshot when `quantity` units of it can be bought now. */
  private async purchasableProduct(productId: string, quantity: number): Promise<ProductSnapshot> {
    const product = await this.deps.products.productById.load(productId);
    if (!product) throw new NotFoundError('Product', productId);
    if (!product.purchasable) throw new OutOfStockError(productId, 0);
    if (quantity > product.availableQuantity)
      throw new OutOfStockError(productId, product.availableQuantity);
    if (product.price.currency !== this.deps.currency)
      throw new BadUserInputError(
        `Product ${productId} is priced in ${product.price.currency}, the cart in ${this.deps.currency}`,
        'productId',
      );
    return product;
  }

  /** The cart after a write, or the coded error of a refused one. */
  private written(
    productId: string,
    outcome: CartWriteOutcome,
    product: ProductSnapshot | null,
  ): StoredCart {
    switch (outcome.kind) {
      case 'written':
        return this.remember(outcome.cart);
      case 'too-many-lines':
        throw new BadUserInputError(
          `A cart holds at most ${MAX_CART_LINES} different products`,
          'productId',
        );
      case 'line-quantity-limit':
        throw new BadUserInputError(
          `At most ${MAX_LINE_QUANTITY} units of a product fit in a cart; it has ${outcome.current}`,
          'quantity',
        );
      case 'out-of-stock':
        throw new OutOfStockError(productId, product?.availableQuantity ?? 0);
      case 'not-in-cart':
        throw new NotFoundError('Cart item for product', productId);
    }
  }

  /** Later reads in the same request see the cart as written. */
  private remember(cart: StoredCart): StoredCart {
    this.deps.loaders.cartById.clear(cart.id).prime(cart.id, cart);
    return cart;
  }
}

function checkLineQuantity(quantity: number): void {
  if (quantity > MAX_LINE_QUANTITY)
    throw new BadUserInputError(`At most ${MAX_LINE_QUANTITY} units of a product`, 'quantity');
}
