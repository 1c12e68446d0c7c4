import { join } from 'node:path';
import { createSubgraph, type Subgraph } from '@shop/service';
import type { CartConfig } from './config';
import { cartContextFactory, type CartContext } from './context';
import { cartEventsRelay } from './jobs/cart-events.relay';
import { resolvers } from './resolvers';

/**
 * Builds the cart subgraph. Carts live in Redis, with their events in a Redis outbox that a
 * background relay drains to the analytics queue; prices and stock come live from products.
 */
export function createCartSubgraph(config: CartConfig): Promise<Subgraph> {
  return createSubgraph<CartContext>({
    name: 'cart',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: () => {},
    contextFactory: cartContextFactory(config),
    backgroundTasks: (runtime) => [cartEventsRelay(config, runtime)],
  });
}

export { loadCartConfig, type CartConfig } from './config';
