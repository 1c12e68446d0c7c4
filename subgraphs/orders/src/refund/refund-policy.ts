import type { OrderLine } from '../order/order.model';

/** Units of one line to cancel. */
export interface CancelLine {
  productId: string;
  quantity: number;
}

/** One line's part of a cancellation: its index in the order, the units and their refund. */
export interface LineRefund {
  index: number;
  productId: string;
  quantity: number;
  /** cancelledQuantity before and after this cancellation. */
  before: number;
  after: number;
  refund: number;
}

export interface RefundPlan {
  lines: LineRefund[];
  /** The shipping fee goes back with the last units of the order. */
  shippingRefund: number;
  total: number;
  /** True when no units remain ordered afterwards. */
  cancelsAll: boolean;
}

/**
 * What `units` of a line paid: their price minus their part of the line's coupon discount.
 * Cumulative, so that refunds of a line in several steps add up to exactly
 * `lineTotal − discountShare` when every unit is cancelled, never one won more or less.
 */
export function paidForUnits(line: OrderLine, units: number): number {
  const discount = Math.floor((line.discountShare.amount * units) / line.quantity);
  return line.unitPrice.amount * units - discount;
}

/**
 * The refund of cancelling `cancel` from an order's lines (quantities already checked to be
 * within what remains): per line the paid amount of the units minus their discount share,
 * and the shipping fee when these are the last units.
 */
export function planRefund(
  lines: readonly OrderLine[],
  shippingFee: number,
  cancel: readonly CancelLine[],
): RefundPlan {
  const planned: LineRefund[] = cancel.map(({ productId, quantity }) => {
    const index = lines.findIndex((line) => line.productId === productId);
    const line = lines[index] as OrderLine;
    const before = line.cancelledQuantity ?? 0;
    const after = before + quantity;
    const refund = paidForUnits(line, after) - paidForUnits(line, before);
    return { index, productId, quantity, before, after, refund };
  });
  const remaining = lines.reduce((sum, line, index) => {
    const cancelled = planned.find((p) => p.index === index)?.after ?? line.cancelledQuantity ?? 0;
    return sum + line.quantity - cancelled;
  }, 0);
  const cancelsAll = remaining === 0;
  const shippingRefund = cancelsAll ? shippingFee : 0;
  const total = planned.reduce((sum, p) => sum + p.refund, shippingRefund);
  return { lines: planned, shippingRefund, total, cancelsAll };
}

/** Every unit of the order still ordered: what cancelOrder cancels. */
export function remainingUnits(lines: readonly OrderLine[]): CancelLine[] {
  return lines
    .map((line) => ({
      productId: line.productId,
      quantity: line.quantity - (line.cancelledQuantity ?? 0),
    }))
    .filter((line) => line.quantity > 0);
}
