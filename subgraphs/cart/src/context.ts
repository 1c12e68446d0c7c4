import { RedisOutbox } from '@shop/outbox';
import { InternalClient, type SubgraphBaseContext, type SubgraphRuntime } from '@shop/service';
import { createCartLoaders } from './cart/cart.loaders';
import { cartOutboxKey } from './cart/cart.events';
import { CartPricingService } from './cart/cart-pricing.service';
import { CartService } from './cart/cart.service';
import { CartStore } from './cart/cart.store';
import type { CartConfig } from './config';
import { createProductLoaders } from './product/product.loaders';
import { ProductLookupClient } from './product/product-lookup.client';

export interface CartContext extends SubgraphBaseContext {
  carts: CartService;
  pricing: CartPricingService;
}

const SECONDS_PER_DAY = 86_400;

/** Builds the process-wide store and clients once, and per request the loaders and services. */
export function cartContextFactory(config: CartConfig) {
  return ({ redis }: SubgraphRuntime) => {
    const store = new CartStore(redis, {
      keyPrefix: config.CART_KEY_PREFIX,
      ttlSeconds: config.CART_TTL_DAYS * SECONDS_PER_DAY,
      outbox: new RedisOutbox(redis, cartOutboxKey(config.CART_KEY_PREFIX)),
    });
    const lookup = new ProductLookupClient(
      new InternalClient({
        baseUrl: config.PRODUCTS_INTERNAL_URL,
        caller: 'cart',
        audience: 'products',
        secret: config.INTERNAL_API_SECRET,
      }),
    );
    const rules = {
      currency: config.CART_CURRENCY,
      shippingFee: config.SHIPPING_FEE,
      freeShippingThreshold: config.FREE_SHIPPING_THRESHOLD,
    };
    return (base: SubgraphBaseContext): CartContext => {
      const products = createProductLoaders(lookup);
      return {
        ...base,
        carts: new CartService({
          store,
          loaders: createCartLoaders(store),
          products,
          currency: rules.currency,
        }),
        pricing: new CartPricingService(products, rules),
      };
    };
  };
}
