import { DEMO_ACCOUNTS } from '@shop/contracts';
import type { BalanceLedger } from '../balance/balance-ledger';

/** API.md: the demo customer starts with 1,000,000 KRW to pay with. */
export const DEMO_CUSTOMER_BALANCE = 1_000_000;

/**
 * Gives the demo customer their starting balance, once: the top-up is a ledger entry with a
 * fixed reference, so running the seed again applies nothing. Returns whether it applied.
 */
export async function seedDemoBalances(ledger: BalanceLedger): Promise<boolean> {
  const outcome = await ledger.apply(DEMO_ACCOUNTS.customer.id, {
    reference: 'seed:demo-customer-balance',
    kind: 'CHARGE',
    amount: DEMO_CUSTOMER_BALANCE,
    orderId: null,
  });
  return outcome.kind === 'applied';
}
