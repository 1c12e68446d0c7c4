import type { InternalRoute } from '@shop/service';
import { orderInternalRoutes } from './order/order.internal';
import type { OrdersParts } from './services';

/** What other services may call: summaries of orders. */
export function ordersInternalRoutes({ models }: OrdersParts): InternalRoute[] {
  return orderInternalRoutes(models.orders);
}
