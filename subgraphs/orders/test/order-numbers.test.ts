import { formatOrderNumber, koreanDay, nextOrderNumber } from '../src/order/order-number';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('order numbers', () => {
  let orders: OrdersUnderTest;

  beforeAll(async () => {
    orders = await startOrders();
  });
  afterAll(() => orders.stop());

  it('dates a number by the Korean day: 23:30 UTC is already the next day in Seoul', () => {
    expect(koreanDay(new Date('2026-11-22T14:59:59Z'))).toBe('20261122');
    expect(koreanDay(new Date('2026-11-22T15:00:00Z'))).toBe('20261123');
    expect(formatOrderNumber('20261123', 42)).toBe('20261123-000042');
    expect(formatOrderNumber('20261123', 1_234_567)).toBe('20261123-1234567');
  });

  it('gives 300 concurrent orders of one day 300 consecutive numbers, starting at 1', async () => {
    const at = new Date('2030-01-01T03:00:00Z');
    const numbers = await Promise.all(
      Array.from({ length: 300 }, () => nextOrderNumber(orders.subgraph.models.orderNumbers, at)),
    );
    const expected = Array.from({ length: 300 }, (_, index) =>
      formatOrderNumber('20300101', index + 1),
    );
    expect([...numbers].sort()).toEqual(expected);
  });
});
