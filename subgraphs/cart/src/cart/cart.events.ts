import { newOutboxEvent, type OutboxEvent } from '@shop/outbox';
import type { Money } from './cart.pricing';

/** Published for analytics each time units of a product are added to a cart. */
export const CART_ITEM_ADDED = 'cart.item.added';

export interface CartItemAddedPayload extends Record<string, unknown> {
  cartId: string;
  userId: string;
  productId: string;
  /** Units added by this call, not the line's new quantity. */
  quantity: number;
  /** The product's price when it was added. */
  unitPrice: Money;
}

export function cartItemAddedEvent(
  payload: CartItemAddedPayload,
): OutboxEvent<CartItemAddedPayload> {
  return newOutboxEvent(CART_ITEM_ADDED, payload);
}

/** The Redis outbox hash of the cart's events, beside the carts under the same prefix. */
export function cartOutboxKey(cartKeyPrefix: string): string {
  return `${cartKeyPrefix}outbox:events`;
}
