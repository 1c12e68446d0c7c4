import type { Connection } from 'mongoose';
import { balanceEntryModel, balanceModel } from './balance/balance.model';
import { idempotencyKeyModel } from './idempotency/idempotency-key.model';
import { orderNumberCounterModel } from './order/order-number';
import { orderModel } from './order/order.model';

/**
 * The orders subgraph's collections: orders (each with its outbox), the daily order number
 * counters, balances and their ledger, and the clients' idempotency keys.
 */
export function ordersModels(connection: Connection) {
  return {
    orders: orderModel(connection),
    orderNumbers: orderNumberCounterModel(connection),
    balances: balanceModel(connection),
    balanceEntries: balanceEntryModel(connection),
    idempotencyKeys: idempotencyKeyModel(connection),
  };
}

export type OrdersModels = ReturnType<typeof ordersModels>;
