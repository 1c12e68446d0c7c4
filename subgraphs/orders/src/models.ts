import type { Connection } from 'mongoose';
import { orderModel } from './order/order.model';

/** The orders subgraph's collections: orders, each with its outbox. */
export function ordersModels(connection: Connection) {
  return { orders: orderModel(connection) };
}

export type OrdersModels = ReturnType<typeof ordersModels>;
