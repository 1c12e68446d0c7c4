import { join } from 'node:path';
import { createSubgraph, type Subgraph } from '@shop/service';
import type { OrdersConfig } from './config';
import type { OrdersContext } from './context';
import { createOrderLoaders } from './order/order.loaders';
import { orderModel } from './order/order.model';
import { OrderService } from './order/order.service';
import { resolvers } from './resolvers';

/** Builds the orders subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createOrdersSubgraph(config: OrdersConfig): Promise<Subgraph> {
  return createSubgraph<OrdersContext>({
    name: 'orders',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: (connection) => {
      orderModel(connection);
    },
    contextFactory: ({ mongo }) => {
      const orders = orderModel(mongo);
      return (base) => ({ ...base, orders: new OrderService(orders, createOrderLoaders(orders)) });
    },
  });
}

export { loadOrdersConfig, type OrdersConfig } from './config';
