import type { SubgraphFoundation, SubgraphParts } from '@shop/service';
import type { OrdersConfig } from './config';
import type { OrdersModels } from './models';

/** The orders subgraph's process-wide services, built once from config, connections and models. */
export function createOrdersServices(_foundation: SubgraphFoundation<OrdersConfig, OrdersModels>) {
  return {};
}

export type OrdersServices = ReturnType<typeof createOrdersServices>;
export type OrdersParts = SubgraphParts<OrdersConfig, OrdersModels, OrdersServices>;
