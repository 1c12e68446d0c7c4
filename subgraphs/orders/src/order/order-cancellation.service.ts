import { requireUser, type Identity } from '@shop/auth';
import { ConflictError, NotFoundError, parseInput } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import { isObjectIdString } from '@shop/mongo';
import { cancelReasonInput } from './order-input';
import type { ReservationSteps } from './order-reservation';
import { SYSTEM, actorFor, invalidTransition, transition, type Actor } from './order-state';
import type { OrderDocument, OrderModel } from './order.model';

/** The reason an order that was not paid in time is cancelled with. */
export const PAYMENT_TIMEOUT = 'PAYMENT_TIMEOUT';

const SWEEP_BATCH = 100;

/** What a timeout did: cancelled the order, found it settled otherwise, or found it not due. */
export type TimeoutOutcome =
  { kind: 'cancelled' } | { kind: 'settled' } | { kind: 'not-due'; dueAt: Date };

/**
 * Cancelling unpaid orders: by the buyer or staff (cancelOrder), and by the system when the
 * payment window closes (the order's delayed job, and the sweeper behind it). Either way the
 * status change and its event are one write, and the stock is released at once after it.
 * (Cancelling a paid order refunds it: a later issue.)
 */
export class OrderCancellationService {
  constructor(
    private readonly orders: OrderModel,
    private readonly stock: ReservationSteps,
  ) {}

  /**
   * Cancels an unpaid order for its buyer, an AGENT or an ADMIN and releases its stock.
   * @throws NOT_FOUND for anyone else, INVALID_STATE_TRANSITION once it is no longer unpaid,
   * CONFLICT while a payment of it is in progress.
   */
  async cancelOrder(
    identity: Identity | null,
    orderId: string,
    reason: unknown,
  ): Promise<OrderDocument> {
    const user = requireUser(identity);
    const why = parseInput(cancelReasonInput, reason, 'reason');
    const order = isObjectIdString(orderId)
      ? await this.orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>()
      : null;
    const actor = order && actorFor(user, order.buyerId);
    if (!order || !actor) throw new NotFoundError('Order', orderId);
    if (order.status !== 'PENDING_PAYMENT') throw invalidTransition(order.status, 'CANCELLED');
    const cancelled = await this.cancelUnpaid(order, actor, why, {});
    if (cancelled) return cancelled;
    const current = await this.orders.findById(order._id, WITHOUT_OUTBOX).lean<OrderDocument>();
    if (current?.status === 'PENDING_PAYMENT') {
      throw new ConflictError('A payment of this order is in progress; try again once it ends');
    }
    throw invalidTransition(current?.status ?? order.status, 'CANCELLED');
  }

  /**
   * Cancels an order still unpaid at its `payBy` (reason PAYMENT_TIMEOUT) and releases its stock.
   * A paid or cancelled order, and an order with a payment under way (the saga decides it), are
   * left alone; an order whose window is still open says when it is due.
   */
  async timeOut(orderId: string): Promise<TimeoutOutcome> {
    const order = await this.orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>();
    if (!order || order.status !== 'PENDING_PAYMENT') return { kind: 'settled' };
    const now = new Date();
    if (order.payBy > now) return { kind: 'not-due', dueAt: order.payBy };
    const cancelled = await this.cancelUnpaid(order, SYSTEM, PAYMENT_TIMEOUT, {
      payBy: { $lte: now },
    });
    return { kind: cancelled ? 'cancelled' : 'settled' };
  }

  /** The safety net behind the delayed jobs: times out every unpaid order past its window. */
  async sweep(): Promise<number> {
    const due = await this.orders
      .find({ status: 'PENDING_PAYMENT', payment: null, payBy: { $lte: new Date() } }, { _id: 1 })
      .limit(SWEEP_BATCH)
      .lean();
    let cancelled = 0;
    for (const { _id } of due) {
      if ((await this.timeOut(_id.toHexString())).kind === 'cancelled') cancelled += 1;
    }
    return cancelled;
  }

  private async cancelUnpaid(
    order: OrderDocument,
    actor: Actor,
    reason: string,
    where: Record<string, unknown>,
  ): Promise<OrderDocument | null> {
    const cancelled = await transition(this.orders, order, {
      from: 'PENDING_PAYMENT',
      to: 'CANCELLED',
      actor,
      reason,
      where: { ...where, payment: null },
      set: { 'reservation.status': 'RELEASING' },
    });
    if (!cancelled) return null;
    await this.stock.release(cancelled);
    return { ...cancelled, reservation: { ...cancelled.reservation, status: 'RELEASED' } };
  }
}
