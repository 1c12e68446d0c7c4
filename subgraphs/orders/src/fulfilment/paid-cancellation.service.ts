import { Types } from 'mongoose';
import { requireUser, type Identity } from '@shop/auth';
import { ConflictError, NotFoundError, parseInput } from '@shop/errors';
import type { Logger } from '@shop/logger';
import type { OrderCancellationService } from '../order/order-cancellation.service';
import { cancelReasonInput } from '../order/order-input';
import {
  actorFor,
  canTransition,
  invalidTransition,
  transition,
  type Actor,
} from '../order/order-state';
import type { Cancellation, OrderDocument, OrderModel, RefundRecord } from '../order/order.model';
import {
  planRefund,
  remainingUnits,
  type CancelLine,
  type RefundPlan,
} from '../refund/refund-policy';
import type { RefundSaga } from '../refund/refund-saga';
import { findOrder } from './order-access';
import { parseCancelLines } from './order-cancel-input';

/**
 * Cancelling orders after payment, whole (`cancelOrder`) or in part (`cancelOrderItems`): one
 * transition writes the cancelled units, the `cancellations` entries, the refund owed and the
 * refund saga's intent; the saga then gives the money back and restocks (`RefundSaga`). Unpaid
 * orders are the checkout's `OrderCancellationService`'s.
 */
export class PaidCancellationService {
  constructor(
    private readonly orders: OrderModel,
    private readonly unpaid: OrderCancellationService,
    private readonly saga: RefundSaga,
    private readonly logger: Logger,
  ) {}

  /**
   * Cancels what remains of an order for its buyer (until it ships), an AGENT or an ADMIN, and
   * refunds what was paid for it (shipping included); an unpaid order is only cancelled.
   * @throws NOT_FOUND for anyone else, INVALID_STATE_TRANSITION once shipped or ended.
   */
  async cancelOrder(identity: Identity | null, orderId: string, reason: unknown) {
    const user = requireUser(identity);
    const why = parseInput(cancelReasonInput, reason, 'reason');
    const { order, actor } = await this.readable(user, orderId);
    if (order.status === 'PENDING_PAYMENT') return this.unpaid.cancelOrder(identity, orderId, why);
    return this.cancel(order, actor, remainingUnits(order.lines), why);
  }

  /**
   * Cancels some units of a paid order's lines and refunds them (PARTIALLY_CANCELLED; CANCELLED
   * when no unit remains, with the shipping fee).
   * @throws NOT_FOUND, INVALID_STATE_TRANSITION as cancelOrder; BAD_USER_INPUT for lines that
   * are not the order's or more units than remain.
   */
  async cancelOrderItems(
    identity: Identity | null,
    orderId: string,
    items: unknown,
    reason: unknown,
  ) {
    const user = requireUser(identity);
    const why = parseInput(cancelReasonInput, reason, 'reason');
    const { order, actor } = await this.readable(user, orderId);
    if (!isCancellablePaid(order, actor))
      throw invalidTransition(order.status, 'PARTIALLY_CANCELLED');
    return this.cancel(order, actor, parseCancelLines(items, order), why);
  }

  private async readable(user: Identity, orderId: string) {
    const order = await findOrder(this.orders, orderId);
    const actor = order && actorFor(user, order.buyerId);
    if (!order || !actor) throw new NotFoundError('Order', orderId);
    return { order, actor };
  }

  private async cancel(order: OrderDocument, actor: Actor, units: CancelLine[], reason: string) {
    const plan = planRefund(order.lines, order.shippingFee.amount, units);
    const to = plan.cancelsAll ? 'CANCELLED' : 'PARTIALLY_CANCELLED';
    if (!units.length || !canTransition(order.status, to, actor.role)) {
      throw invalidTransition(order.status, to);
    }
    const id = new Types.ObjectId().toHexString();
    const at = new Date();
    const written = await transition(this.orders, order, {
      from: order.status,
      to,
      actor,
      reason,
      at,
      where: { ...unchangedLines(plan), 'payment.step': 'DONE' },
      set: cancelledLines(order, plan),
      push: {
        cancellations: { $each: cancellationEntries(order, plan, { id, actor, reason, at }) },
        refunds: refundRecord(order, plan, id),
      },
      inc: { 'refunded.amount': plan.total },
    });
    if (!written) throw new ConflictError('The order changed meanwhile; read it and try again');
    try {
      await this.saga.run(written, id);
    } catch (error) {
      // The intent is written: the recovery loop finishes the refund and the restock.
      this.logger.error(
        { orderId: order._id.toHexString(), refundId: id, err: error },
        'refund step failed',
      );
    }
    return (await findOrder(this.orders, order._id.toHexString())) ?? written;
  }
}

/** A paid order that may lose lines: PAID, PREPARING or already partly cancelled. */
function isCancellablePaid(order: OrderDocument, actor: Actor): boolean {
  return canTransition(order.status, 'PARTIALLY_CANCELLED', actor.role);
}

/** The lines' cancelled units as read: a concurrent cancellation of them makes the write miss. */
function unchangedLines(plan: RefundPlan): Record<string, number | { $in: Array<number | null> }> {
  return Object.fromEntries(
    plan.lines.map((line) => [
      `lines.${line.index}.cancelledQuantity`,
      line.before === 0 ? { $in: [0, null] } : line.before,
    ]),
  );
}

function cancelledLines(order: OrderDocument, plan: RefundPlan): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const line of plan.lines) {
    set[`lines.${line.index}.cancelledQuantity`] = line.after;
    if (line.after === order.lines[line.index]?.quantity) {
      set[`lines.${line.index}.status`] = 'CANCELLED';
    }
  }
  return set;
}

/** One entry per line (API `Cancellation`); the shipping fee refund rides on the last one. */
function cancellationEntries(
  order: OrderDocument,
  plan: RefundPlan,
  { id, actor, reason, at }: { id: string; actor: Actor; reason: string; at: Date },
): Cancellation[] {
  const { currency } = order.total;
  return plan.lines.map((line, index) => ({
    cancellationId: id,
    productId: line.productId,
    quantity: line.quantity,
    refund: {
      amount: line.refund + (index === plan.lines.length - 1 ? plan.shippingRefund : 0),
      currency,
    },
    reason,
    cancelledBy: actor.id,
    at,
  }));
}

function refundRecord(order: OrderDocument, plan: RefundPlan, id: string): RefundRecord {
  const now = new Date();
  return {
    id,
    amount: { amount: plan.total, currency: order.total.currency },
    lines: plan.lines.map(({ productId, quantity }) => ({ productId, quantity })),
    refund: 'PENDING',
    restock: 'PENDING',
    createdAt: now,
    updatedAt: now,
  };
}
