import { startSubgraphForTest, type SubgraphForTest } from '@shop/testing';
import {
  createOrdersSubgraph,
  loadOrdersConfig,
  type OrdersConfig,
  type OrdersSubgraph,
} from '../../src/server';

export type OrdersUnderTest = SubgraphForTest<OrdersConfig, OrdersSubgraph>;

/**
 * The orders subgraph on its own database, called as the gateway calls it. Background tasks
 * are off unless asked for: the relay and the recovery loop would poll beside what a test counts.
 */
export function startOrders(env: Record<string, string> = {}): Promise<OrdersUnderTest> {
  return startSubgraphForTest({
    name: 'orders',
    loadConfig: loadOrdersConfig,
    create: createOrdersSubgraph,
    env: { ORDERS_BACKGROUND_TASKS: 'off', ...env },
  });
}
