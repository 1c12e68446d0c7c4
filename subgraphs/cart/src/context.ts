import type { SubgraphBaseContext } from '@shop/service';
import { createCartLoaders } from './cart/cart.loaders';
import { CartPricingService } from './cart/cart-pricing.service';
import { CartService } from './cart/cart.service';
import { createProductLoaders } from './product/product.loaders';
import type { CartParts } from './services';

export interface CartContext extends SubgraphBaseContext {
  carts: CartService;
  pricing: CartPricingService;
}

/** Per request: loaders that batch product lookups and carts, and the services over them. */
export function createCartContext(base: SubgraphBaseContext, { services }: CartParts): CartContext {
  const products = createProductLoaders(services.productLookup);
  return {
    ...base,
    carts: new CartService({
      store: services.store,
      loaders: createCartLoaders(services.store),
      products,
      currency: services.rules.currency,
    }),
    pricing: new CartPricingService(products, services.rules),
  };
}
