import type { SubgraphBaseContext } from '@shop/service';
import { createOrderLoaders } from './order/order.loaders';
import { OrderService } from './order/order.service';
import type { OrdersParts } from './services';

export interface OrdersContext extends SubgraphBaseContext {
  orders: OrderService;
}

/** A user as this subgraph knows it: only the key, fields come from the users subgraph. */
export interface UserReference {
  id: string;
}

/** Per request: loaders that batch order reads, and the services over them. */
export function createOrdersContext(
  base: SubgraphBaseContext,
  { models }: OrdersParts,
): OrdersContext {
  return { ...base, orders: new OrderService(models.orders, createOrderLoaders(models.orders)) };
}
