import { Types } from 'mongoose';
import { BalanceLedger } from '../src/balance/balance-ledger';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('the balance ledger', () => {
  let orders: OrdersUnderTest;
  let ledger: BalanceLedger;
  const newUser = () => new Types.ObjectId().toHexString();

  beforeAll(async () => {
    orders = await startOrders();
    const { balances, balanceEntries } = orders.subgraph.models;
    ledger = new BalanceLedger(balances, balanceEntries, 'KRW');
  });
  afterAll(() => orders.stop());

  const entriesOf = (userId: string) =>
    orders.subgraph.models.balanceEntries.find({ userId }).sort({ seq: 1 }).lean();

  it('gives exactly 5 of 20 concurrent debits that a balance covers, never going below zero', async () => {
    const user = newUser();
    await ledger.apply(user, {
      reference: 'charge:1',
      kind: 'CHARGE',
      amount: 50_000,
      orderId: null,
    });
    // Two ledgers stand for two orders processes: only the sequence number orders them.
    const { balances, balanceEntries } = orders.subgraph.models;
    const otherProcess = new BalanceLedger(balances, balanceEntries, 'KRW');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? otherProcess : ledger).apply(user, {
          reference: `payment:${index}`,
          kind: 'PAYMENT',
          amount: -10_000,
          orderId: null,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'applied')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.kind === 'insufficient')).toHaveLength(15);
    expect((await ledger.read(user)).available).toBe(0);
    const entries = await entriesOf(user);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries.map((entry) => entry.balanceAfter)).toEqual([
      50_000, 40_000, 30_000, 20_000, 10_000, 0,
    ]);
  });

  it('applies a reference once, however often and however concurrently it is repeated', async () => {
    const user = newUser();
    const charge = {
      reference: 'charge:same',
      kind: 'CHARGE' as const,
      amount: 7_000,
      orderId: null,
    };
    const { balances, balanceEntries } = orders.subgraph.models;
    const otherProcess = new BalanceLedger(balances, balanceEntries, 'KRW');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? otherProcess : ledger).apply(user, charge),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'already')).toHaveLength(9);
    expect((await ledger.read(user)).available).toBe(7_000);
    expect(await entriesOf(user)).toHaveLength(1);
  });

  it('keeps an entry whose copy to the ledger was lost, and copies it before the next change', async () => {
    const user = newUser();
    await ledger.apply(user, {
      reference: 'charge:a',
      kind: 'CHARGE',
      amount: 1_000,
      orderId: null,
    });
    // As if the process died between the balance update and the copy: only `last` holds it.
    await orders.subgraph.models.balanceEntries.deleteMany({ userId: user });
    const again = await ledger.apply(user, {
      reference: 'charge:a',
      kind: 'CHARGE',
      amount: 1_000,
      orderId: null,
    });
    expect(again.kind).toBe('already');
    await ledger.apply(user, { reference: 'charge:b', kind: 'CHARGE', amount: 500, orderId: null });
    expect((await entriesOf(user)).map((entry) => [entry.reference, entry.balanceAfter])).toEqual([
      ['charge:a', 1_000],
      ['charge:b', 1_500],
    ]);
  });

  it('fences a reference so a late debit of it cannot happen, and reports a debit that did', async () => {
    const user = newUser();
    await ledger.apply(user, {
      reference: 'charge:f',
      kind: 'CHARGE',
      amount: 5_000,
      orderId: null,
    });
    const fenced = await ledger.fence(user, 'payment:late', 'o1');
    expect(fenced).toMatchObject({ kind: 'applied', entry: { kind: 'VOID', amount: 0 } });
    const late = await ledger.apply(user, {
      reference: 'payment:late',
      kind: 'PAYMENT',
      amount: -5_000,
      orderId: 'o1',
    });
    expect(late).toMatchObject({ kind: 'already', entry: { kind: 'VOID' } });
    await ledger.apply(user, {
      reference: 'payment:done',
      kind: 'PAYMENT',
      amount: -2_000,
      orderId: 'o2',
    });
    expect(await ledger.fence(user, 'payment:done', 'o2')).toMatchObject({
      kind: 'already',
      entry: { kind: 'PAYMENT', amount: -2_000 },
    });
    expect((await ledger.read(user)).available).toBe(3_000);
    // Fences are bookkeeping, not money: the history shows the charge and the payment only.
    expect((await ledger.history(user, 10)).map((entry) => entry.kind)).toEqual([
      'PAYMENT',
      'CHARGE',
    ]);
  });
});
