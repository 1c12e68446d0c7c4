import type { InternalRoute } from '@shop/service';
import { cartCheckoutRoutes } from './cart/cart.internal';
import type { CartParts } from './services';

/** What other services may call: checkout reads carts and removes what an order bought. */
export function cartInternalRoutes({ services }: CartParts): InternalRoute[] {
  return cartCheckoutRoutes(services.store);
}
