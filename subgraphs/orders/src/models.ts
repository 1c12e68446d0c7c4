import type { Connection } from 'mongoose';
import { balanceEntryModel, balanceModel } from './balance/balance.model';
import { idempotencyKeyModel } from './idempotency/idempotency-key.model';
import { orderNumberCounterModel } from './order/order-number';
import { carrierEventModel } from './carrier/carrier-event.model';
import { orderModel } from './order/order.model';
import { reviewModel } from './review/review.model';

/**
 * The orders subgraph's collections: orders (each with its outbox), the daily order number
 * counters, balances and their ledger, the clients' idempotency keys, the carrier's events and
 * the reviews (each with its outbox).
 */
export function ordersModels(connection: Connection) {
  return {
    orders: orderModel(connection),
    orderNumbers: orderNumberCounterModel(connection),
    balances: balanceModel(connection),
    balanceEntries: balanceEntryModel(connection),
    idempotencyKeys: idempotencyKeyModel(connection),
    carrierEvents: carrierEventModel(connection),
    reviews: reviewModel(connection),
  };
}

export type OrdersModels = ReturnType<typeof ordersModels>;
