import { createByIdLoader } from '@shop/mongo';
import type { OrderDocument, OrderModel } from './order.model';

export function createOrderLoaders(orders: OrderModel) {
  return {
    orderById: createByIdLoader((ids) =>
      orders.find({ _id: { $in: ids } }).lean<OrderDocument[]>(),
    ),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
