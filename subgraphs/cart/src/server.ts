import { join } from 'node:path';
import { createSubgraph, type Subgraph } from '@shop/service';
import { createCartLoaders } from './cart/cart.loaders';
import { CartService } from './cart/cart.service';
import { CartStore } from './cart/cart.store';
import type { CartConfig } from './config';
import type { CartContext } from './context';
import { resolvers } from './resolvers';

/**
 * Builds the cart subgraph. Carts live in Redis; its MongoDB database holds only what it
 * publishes through the outbox.
 */
export function createCartSubgraph(config: CartConfig): Promise<Subgraph> {
  return createSubgraph<CartContext>({
    name: 'cart',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: () => {},
    contextFactory: ({ redis }) => {
      const store = new CartStore(redis, config.CART_KEY_PREFIX);
      return (base) => ({ ...base, carts: new CartService(createCartLoaders(store)) });
    },
  });
}

export { loadCartConfig, type CartConfig } from './config';
