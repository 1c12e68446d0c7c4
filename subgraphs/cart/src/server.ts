import { join } from 'node:path';
import { createSubgraph, defineSubgraph } from '@shop/service';
import { cartBackgroundTasks } from './background-tasks';
import type { CartConfig } from './config';
import { createCartContext } from './context';
import { cartInternalRoutes } from './internal-routes';
import { resolvers } from './resolvers';
import { cartModels } from './models';
import { createCartServices } from './services';

/**
 * The cart subgraph. Carts live in Redis, with their events in a Redis outbox that a background
 * relay drains to the analytics queue; prices and stock come live from products.
 */
export const cartSubgraph = defineSubgraph({
  name: 'cart',
  schemaPath: join(__dirname, 'schema.graphql'),
  resolvers,
  models: cartModels,
  services: createCartServices,
  context: createCartContext,
  internalRoutes: cartInternalRoutes,
  backgroundTasks: cartBackgroundTasks,
});

/** Builds the cart subgraph: its connections, services and GraphQL endpoint, not yet listening. */
export function createCartSubgraph(config: CartConfig) {
  return createSubgraph(cartSubgraph, config);
}

export type CartSubgraph = Awaited<ReturnType<typeof createCartSubgraph>>;
export { loadCartConfig, type CartConfig } from './config';
