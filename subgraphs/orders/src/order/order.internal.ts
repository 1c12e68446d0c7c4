import {
  ORDERS_INTERNAL,
  orderSummariesRequest,
  type OrderSummariesResponse,
} from '@shop/contracts';
import { parseInput } from '@shop/errors';
import type { InternalRoute } from '@shop/service';
import { createOrderLoaders } from './order.loaders';
import type { OrderModel } from './order.model';

/** Internal operations of the orders subgraph for services that act on an order. */
export function orderInternalRoutes(orders: OrderModel): InternalRoute[] {
  return [
    {
      path: ORDERS_INTERNAL.summaries,
      callers: ['support'],
      async handle(body): Promise<OrderSummariesResponse> {
        const { ids } = parseInput(orderSummariesRequest, body);
        const found = await createOrderLoaders(orders).orderById.loadMany(ids);
        return {
          orders: found.map((order) =>
            order && !(order instanceof Error)
              ? {
                  id: order._id.toHexString(),
                  number: order.number,
                  buyerId: order.buyerId,
                  status: order.status,
                  total: order.total,
                  productIds: order.lines.map((line) => line.productId),
                  createdAt: order.createdAt.toISOString(),
                }
              : null,
          ),
        };
      },
    },
  ];
}
