import { startSubgraphForTest, type SubgraphForTest } from '@shop/subgraph-testing';
import {
  ordersSubgraph,
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
  return startSubgraphForTest(ordersSubgraph, loadOrdersConfig, {
    ORDERS_BACKGROUND_TASKS: 'off',
    ...env,
  });
}
