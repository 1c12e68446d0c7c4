import { WITHOUT_OUTBOX } from '@shop/events';
import { createByIdLoader } from '@shop/mongo';
import type { OrderDocument, OrderModel } from './order.model';

/** Per request: orders by id, one query per batch (the gateway's `_entities` calls included). */
export function createOrderLoaders(orders: OrderModel) {
  return {
    orderById: createByIdLoader((ids) =>
      orders.find({ _id: { $in: ids } }, WITHOUT_OUTBOX).lean<OrderDocument[]>(),
    ),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
