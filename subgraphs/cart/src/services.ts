import { RedisOutbox } from '@shop/events';
import { InternalClient, type SubgraphFoundation, type SubgraphParts } from '@shop/service';
import { CartStore, cartKeys } from './cart/cart.store';
import type { PricingRules } from './cart/cart.pricing';
import type { CartConfig } from './config';
import type { CartModels } from './models';
import { ProductLookupClient } from './product/product-lookup.client';

const SECONDS_PER_DAY = 86_400;

/**
 * The cart's process-wide parts: the Redis store with its outbox, and the client of the
 * products' internal API that gives live prices and stock.
 */
export function createCartServices({
  config,
  runtime,
}: SubgraphFoundation<CartConfig, CartModels>) {
  const outbox = new RedisOutbox(runtime.redis, cartKeys(config.CART_KEY_PREFIX).outbox);
  const rules: PricingRules = {
    currency: config.CART_CURRENCY,
    shippingFee: config.SHIPPING_FEE,
    freeShippingThreshold: config.FREE_SHIPPING_THRESHOLD,
  };
  return {
    outbox,
    store: new CartStore(runtime.redis, {
      keyPrefix: config.CART_KEY_PREFIX,
      ttlSeconds: config.CART_TTL_DAYS * SECONDS_PER_DAY,
      outbox,
    }),
    productLookup: new ProductLookupClient(
      new InternalClient({
        baseUrl: config.PRODUCTS_INTERNAL_URL,
        caller: 'cart',
        audience: 'products',
        secret: config.INTERNAL_API_SECRET,
      }),
    ),
    rules,
  };
}

export type CartServices = ReturnType<typeof createCartServices>;
export type CartParts = SubgraphParts<CartConfig, CartModels, CartServices>;
