import type { OrderLine } from '../order/order.model';
import { paidForUnits, planRefund, remainingUnits } from './refund-policy';

const won = (amount: number) => ({ amount, currency: 'KRW' });
const line = (productId: string, unit: number, quantity: number, share = 0): OrderLine => ({
  productId,
  productName: productId,
  unitPrice: won(unit),
  quantity,
  cancelledQuantity: 0,
  status: 'ORDERED',
  lineTotal: won(unit * quantity),
  discountShare: won(share),
});

describe('refund of cancelled lines', () => {
  // A 3-line order of 10,000 + 2 × 7,000 + 3 × 3,333 = 33,999 with a 10% coupon: 3,399 off,
  // allocated 1,000 / 1,400 / 999 by the coupon allocation (a given: line.discountShare).
  const lines = [line('a', 10_000, 1, 1_000), line('b', 7_000, 2, 1_400), line('c', 3_333, 3, 999)];

  it('refunds a whole line its paid amount minus its discount share, to the won', () => {
    const plan = planRefund(lines, 3_000, [{ productId: 'b', quantity: 2 }]);
    expect(plan).toMatchObject({ total: 12_600, shippingRefund: 0, cancelsAll: false });
    expect(plan.lines).toEqual([
      { index: 1, productId: 'b', quantity: 2, before: 0, after: 2, refund: 12_600 },
    ]);
  });

  it('adds the units of a line refunded in steps up to exactly the line, never a won more', () => {
    const one = paidForUnits(lines[2] as OrderLine, 1);
    const two = paidForUnits(lines[2] as OrderLine, 2) - one;
    const three = paidForUnits(lines[2] as OrderLine, 3) - one - two;
    expect([one, two, three]).toEqual([3_000, 3_000, 3_000]);
    expect(one + two + three).toBe(3 * 3_333 - 999);
  });

  it('refunds the shipping fee with the last units, and the whole order adds up to its total', () => {
    const first = planRefund(lines, 3_000, [{ productId: 'a', quantity: 1 }]);
    const cancelled = lines.map((l, i) =>
      i === 0 ? { ...l, cancelledQuantity: 1, status: 'CANCELLED' as const } : l,
    );
    const rest = planRefund(cancelled, 3_000, remainingUnits(cancelled));
    expect(rest).toMatchObject({ shippingRefund: 3_000, cancelsAll: true });
    const total = 10_000 + 14_000 + 9_999 - 3_399 + 3_000;
    expect(first.total + rest.total).toBe(total);
  });

  it('without a coupon refunds the plain price', () => {
    const plain = [line('x', 12_345, 2)];
    expect(planRefund(plain, 3_000, [{ productId: 'x', quantity: 1 }]).total).toBe(12_345);
  });
});
