import { DEMO_ACCOUNTS } from '@shop/contracts';
import { testIdentity } from '@shop/subgraph-testing';
import { seedDemoBalances } from '../src/seed/demo-balances';
import { startOrders } from './support/orders-under-test';

describe('demo balances', () => {
  it('gives the demo customer 1,000,000 KRW once, however often the seed runs', async () => {
    const orders = await startOrders();
    try {
      expect(await seedDemoBalances(orders.subgraph.services.ledger)).toBe(true);
      expect(await seedDemoBalances(orders.subgraph.services.ledger)).toBe(false);
      const customer = { ...testIdentity('CUSTOMER'), userId: DEMO_ACCOUNTS.customer.id };
      const result = await orders.call<{ myBalance: unknown }>(
        '{ myBalance { available { amount currency } entries { kind amount { amount } } } }',
        {},
        customer,
      );
      expect(result.data?.myBalance).toEqual({
        available: { amount: 1_000_000, currency: 'KRW' },
        entries: [{ kind: 'CHARGE', amount: { amount: 1_000_000 } }],
      });
    } finally {
      await orders.stop();
    }
  });
});
