import { join } from 'node:path';
import { createSubgraph, defineSubgraph } from '@shop/service';
import { ordersBackgroundTasks } from './background-tasks';
import { carrierWebhookRoute } from './carrier/carrier-webhook.route';
import type { OrdersConfig } from './config';
import { createOrdersContext } from './context';
import { ordersInternalRoutes } from './internal-routes';
import { ordersModels } from './models';
import { resolvers } from './resolvers';
import { createOrdersServices } from './services';

/** The orders subgraph: orders and the events they raise. */
export const ordersSubgraph = defineSubgraph({
  name: 'orders',
  schemaPath: join(__dirname, 'schema.graphql'),
  resolvers,
  models: ordersModels,
  services: createOrdersServices,
  context: createOrdersContext,
  internalRoutes: ordersInternalRoutes,
  publicRoutes: ({ config, runtime, services }) => [
    carrierWebhookRoute(services.carrier, config.CARRIER_WEBHOOK_SECRET, runtime.logger),
  ],
  backgroundTasks: ordersBackgroundTasks,
});

/** Builds the orders subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createOrdersSubgraph(config: OrdersConfig) {
  return createSubgraph(ordersSubgraph, config);
}

export type OrdersSubgraph = Awaited<ReturnType<typeof createOrdersSubgraph>>;
export { loadOrdersConfig, type OrdersConfig } from './config';
