import type { SubgraphBaseContext } from '@shop/service';
import type { OrderService } from './order/order.service';

export interface OrdersContext extends SubgraphBaseContext {
  orders: OrderService;
}

/** A user as this subgraph knows it: only the key, fields come from the users subgraph. */
export interface UserReference {
  id: string;
}
