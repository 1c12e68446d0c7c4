import { Types } from 'mongoose';
import { AppError, ConflictError } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import type { Logger } from '@shop/logger';
import type { BalanceLedger } from '../balance/balance-ledger';
import type { CartClient } from '../clients/cart.client';
import type { CrashHook } from '../crash-points';
import type { ReservationSteps } from '../order/order-reservation';
import { SYSTEM, invalidTransition, transition, type Actor } from '../order/order-state';
import type { OrderDocument, OrderModel, PaymentMethod, PaymentRecord } from '../order/order.model';
import type { CardPaymentProvider } from './card-payment-provider';
import { failedEvent, paidEvents } from './payment-events';
import type { PaymentRefunds } from './payment-refunds';

export interface PaymentSagaOptions {
  orders: OrderModel;
  ledger: BalanceLedger;
  stock: ReservationSteps;
  carts: CartClient;
  card: CardPaymentProvider;
  /** The order's coupon becomes USED once it is paid (the order-status consumer backs it up). */
  coupons: { markUsedOrLeave(orderId: string): Promise<void> };
  refunds: PaymentRefunds;
  crash: CrashHook;
  logger: Logger;
  /** How long the PG is watched for a late approval after a card attempt was given up. */
  lateApprovalWatchMs: number;
}

/** An order with its payment attempt in hand. */
export type PayingOrder = OrderDocument & { payment: PaymentRecord };

/** What a captured payment came with: the PG's key of a card payment, and when. */
interface Capture {
  paymentKey: string | null;
  approvedAt: Date;
}

/** Steps at which an attempt may still be taking money. */
export const ACTIVE_STEPS: readonly PaymentRecord['step'][] = ['STARTED', 'UNKNOWN'];

/** The balance entry reference of an attempt's debit: one per attempt, so a repeat writes one. */
export const paymentReference = (attemptId: string) => `payment:${attemptId}`;

/**
 * The payment saga (docs/checkout.md, "Payment saga"): intent → money → capture → stock
 * commit → PAID, or → PAYMENT_FAILED with the stock released, or, when the reservation is
 * gone by the time money was taken, the money back and the order CANCELLED. Every step is a
 * conditional write keyed by the attempt id, so the request path, a retry that took its key
 * over, and the recovery loop can all run a step and only one of them changes anything.
 */
export class PaymentSaga {
  constructor(private readonly options: PaymentSagaOptions) {}

  /**
   * Records the intent to pay before any money moves: one attempt per order at a time, only
   * while the order is unpaid and its window open. A retry of the same idempotent request
   * (`claimId`) gets its own attempt back to resume it.
   * @throws INVALID_STATE_TRANSITION when the order cannot be paid, CONFLICT while another
   * request's payment is in progress.
   */
  async start(order: OrderDocument, method: PaymentMethod, claimId: string): Promise<PayingOrder> {
    const now = new Date();
    const attempt: PaymentRecord = {
      id: new Types.ObjectId().toHexString(),
      method,
      status: 'PENDING',
      step: 'STARTED',
      claimId,
      amount: order.total,
      refunded: { amount: 0, currency: order.total.currency },
      failureCode: null,
      failureMessage: null,
      approvedAt: null,
      paymentKey: null,
      startedAt: now,
      updatedAt: now,
    };
    const started = await this.options.orders
      .findOneAndUpdate(
        { _id: order._id, status: 'PENDING_PAYMENT', payment: null, payBy: { $gt: now } },
        { $set: { payment: attempt } },
        { new: true, projection: WITHOUT_OUTBOX },
      )
      .lean<PayingOrder>();
    if (started) {
      await this.options.crash.at('after-intent');
      return started;
    }
    const current = await this.reload(order._id);
    if (current.payment?.claimId === claimId) return current as PayingOrder;
    throw refusalToPay(current, now);
  }

  /**
   * The request path's money step for an attempt that has not taken money yet: debit the
   * balance or confirm the card, then capture, decline or leave it for the reconciler.
   */
  async takeMoney(
    order: PayingOrder,
    cardToken: string | null,
    actor: Actor,
  ): Promise<OrderDocument> {
    if (order.payment.step === 'UNKNOWN') return this.reconcileCard(order, actor, false);
    if (order.payment.step !== 'STARTED') return order;
    return order.payment.method === 'BALANCE'
      ? this.debit(order, actor)
      : this.confirmCard(order, cardToken ?? '', actor);
  }

  private async debit(order: PayingOrder, actor: Actor): Promise<OrderDocument> {
    const { payment } = order;
    const outcome = await this.options.ledger.apply(order.buyerId, {
      reference: paymentReference(payment.id),
      kind: 'PAYMENT',
      amount: -payment.amount.amount,
      orderId: order._id.toHexString(),
    });
    await this.options.crash.at('after-debit');
    if (outcome.kind === 'insufficient') {
      const message = `The balance of ${outcome.available} does not cover ${payment.amount.amount}`;
      return this.decline(order, 'INSUFFICIENT_BALANCE', message, actor);
    }
    // A VOID entry: recovery gave this attempt up and fenced it, so no money was taken.
    if (outcome.entry.kind === 'VOID') return this.reload(order._id);
    return this.capture(order, { paymentKey: null, approvedAt: outcome.entry.at }, actor);
  }

  private async confirmCard(
    order: PayingOrder,
    token: string,
    actor: Actor,
  ): Promise<OrderDocument> {
    const { payment } = order;
    const outcome = await this.options.card.confirm({
      orderId: order._id.toHexString(),
      amount: payment.amount.amount,
      token,
      idempotencyKey: payment.id,
    });
    await this.options.crash.at('after-debit');
    switch (outcome.kind) {
      case 'approved':
        return this.capture(order, outcome, actor);
      case 'declined':
        return this.decline(order, outcome.code, outcome.message, actor);
      case 'invalid-token':
        await this.withdraw(order);
        throw new AppError(
          'BAD_USER_INPUT',
          'input.cardToken: the PG does not know this card token',
          {
            field: 'input.cardToken',
          },
        );
      case 'already-paid':
        return this.reconcileCard(order, actor, false);
      case 'unknown':
        return this.markUnknown(order, outcome.reason);
    }
  }

  /**
   * Asks the PG what became of a card attempt: approved → capture, declined → decline;
   * unknown to the PG → given up when `giveUp` (long past any answer), else asked again later.
   */
  async reconcileCard(order: PayingOrder, actor: Actor, giveUp: boolean): Promise<OrderDocument> {
    const lookup = await this.options.card.findByOrder(order._id.toHexString());
    if (lookup.kind === 'approved' && lookup.amount === order.payment.amount.amount) {
      return this.capture(order, lookup, actor);
    }
    if (lookup.kind === 'declined') return this.decline(order, lookup.code, lookup.message, actor);
    if (lookup.kind === 'none' && giveUp) return this.abandon(order, 'the PG never received it');
    if (lookup.kind === 'approved') {
      this.options.logger.error({ orderId: order._id.toHexString() }, 'PG approved another amount');
    }
    return order;
  }

  /**
   * Recovery of a balance attempt that sat too long: fence its reference, which tells whether
   * the debit happened (then finish it) or makes sure it never will (then give the attempt up;
   * the order stays unpaid and may be paid again).
   */
  async recoverBalance(order: PayingOrder): Promise<OrderDocument> {
    const reference = paymentReference(order.payment.id);
    const outcome = await this.options.ledger.fence(
      order.buyerId,
      reference,
      order._id.toHexString(),
    );
    if (outcome.kind !== 'insufficient' && outcome.entry.kind === 'PAYMENT') {
      return this.capture(order, { paymentKey: null, approvedAt: outcome.entry.at }, SYSTEM);
    }
    return this.abandon(order, 'interrupted before the balance was debited');
  }

  private async markUnknown(order: PayingOrder, reason: string): Promise<OrderDocument> {
    this.options.logger.warn(
      { orderId: order._id.toHexString(), reason },
      'card payment outcome unknown',
    );
    const marked = await this.options.orders
      .findOneAndUpdate(
        { _id: order._id, 'payment.id': order.payment.id, 'payment.step': 'STARTED' },
        { $set: { 'payment.step': 'UNKNOWN', 'payment.updatedAt': new Date() } },
        { new: true, projection: WITHOUT_OUTBOX },
      )
      .lean<OrderDocument>();
    return marked ?? this.reload(order._id);
  }

  /** Money is taken for sure: record it on the attempt, then complete the order. */
  private async capture(
    order: PayingOrder,
    capture: Capture,
    actor: Actor,
  ): Promise<OrderDocument> {
    const captured = await this.options.orders
      .findOneAndUpdate(
        {
          _id: order._id,
          status: 'PENDING_PAYMENT',
          'payment.id': order.payment.id,
          'payment.step': { $in: [...ACTIVE_STEPS] },
        },
        {
          $set: {
            'payment.step': 'CAPTURED',
            'payment.paymentKey': capture.paymentKey,
            'payment.approvedAt': capture.approvedAt,
            'payment.updatedAt': new Date(),
          },
        },
        { new: true, projection: WITHOUT_OUTBOX },
      )
      .lean<PayingOrder>();
    if (!captured) return this.afterLostCapture(order, capture);
    await this.options.crash.at('after-capture');
    return this.complete(captured, actor);
  }

  /** Someone else moved the attempt on; if it is no longer the order's, its money goes back. */
  private async afterLostCapture(order: PayingOrder, capture: Capture): Promise<OrderDocument> {
    const current = await this.reload(order._id);
    if (current.payment?.id === order.payment.id) return current;
    this.options.logger.warn(
      { orderId: order._id.toHexString() },
      'money taken for a dropped attempt',
    );
    await this.options.refunds.giveBack({
      ...order,
      payment: { ...order.payment, paymentKey: capture.paymentKey },
    });
    return current;
  }

  /**
   * From CAPTURED: commit the stock and make the order PAID in one write with its events; if
   * the reservation is gone (the window closed meanwhile), give the money back instead.
   */
  async complete(order: PayingOrder, actor: Actor): Promise<OrderDocument> {
    const committed = await this.options.stock.commit(order);
    await this.options.crash.at('after-commit');
    if (!committed) return this.giveBack(order);
    const { payment } = order;
    const at = new Date();
    const paid = await transition(this.options.orders, order, {
      from: 'PENDING_PAYMENT',
      to: 'PAID',
      actor,
      reason: `${payment.method} payment approved`,
      where: { 'payment.id': payment.id, 'payment.step': 'CAPTURED' },
      set: {
        'payment.step': 'DONE',
        'payment.status': 'APPROVED',
        'payment.updatedAt': at,
        'reservation.status': 'COMMITTED',
        cartCleanup: order.source === 'CART' ? 'PENDING' : 'NONE',
      },
      events: paidEvents(order, at),
      at,
    });
    if (!paid) return this.reload(order._id);
    if (paid.couponId) await this.options.coupons.markUsedOrLeave(paid._id.toHexString());
    return this.cleanCart(paid);
  }

  /** The order could not be completed after money was taken: refund, cancel, release. */
  private async giveBack(order: PayingOrder): Promise<OrderDocument> {
    await this.options.refunds.giveBack(order);
    const { payment } = order;
    const at = new Date();
    const cancelled = await transition(this.options.orders, order, {
      from: 'PENDING_PAYMENT',
      to: 'CANCELLED',
      actor: SYSTEM,
      reason: 'PAYMENT_TIMEOUT',
      where: { 'payment.id': payment.id, 'payment.step': 'CAPTURED' },
      set: {
        'payment.step': 'REFUNDED',
        'payment.status': 'REFUNDED',
        'payment.refunded': payment.amount,
        'payment.updatedAt': at,
        refunded: payment.amount,
        'reservation.status': 'RELEASING',
      },
      at,
    });
    if (!cancelled) return this.reload(order._id);
    await this.options.stock.release(cancelled);
    return { ...cancelled, reservation: { ...cancelled.reservation, status: 'RELEASED' } };
  }

  /** Declined: the order is PAYMENT_FAILED with the reason, and its stock goes back on sale. */
  private async decline(order: PayingOrder, code: string, message: string, actor: Actor) {
    const { payment } = order;
    const at = new Date();
    const failed = await transition(this.options.orders, order, {
      from: 'PENDING_PAYMENT',
      to: 'PAYMENT_FAILED',
      actor,
      reason: code,
      where: { 'payment.id': payment.id, 'payment.step': { $in: [...ACTIVE_STEPS] } },
      set: {
        'payment.step': 'FAILED',
        'payment.status': 'DECLINED',
        'payment.failureCode': code,
        'payment.failureMessage': message,
        'payment.updatedAt': at,
        'reservation.status': 'RELEASING',
      },
      events: [failedEvent(order, code, message, at)],
      at,
    });
    if (!failed) return this.reload(order._id);
    await this.options.stock.release(failed);
    return { ...failed, reservation: { ...failed.reservation, status: 'RELEASED' as const } };
  }

  /**
   * Recovery gives up an attempt that took no money: the order is unpaid again and may be paid.
   * For a card, the PG is watched a while in case an approval still arrives, to cancel it.
   */
  async abandon(order: PayingOrder, reason: string): Promise<OrderDocument> {
    const { payment } = order;
    const now = new Date();
    const watch =
      payment.method === 'CARD' ? now.getTime() + this.options.lateApprovalWatchMs : null;
    const abandoned = await this.options.orders
      .findOneAndUpdate(
        { _id: order._id, 'payment.id': payment.id, 'payment.step': { $in: [...ACTIVE_STEPS] } },
        {
          $set: { payment: null, ...(watch ? { lateApprovalCheckUntil: new Date(watch) } : {}) },
          $push: { abandonedPayments: { id: payment.id, method: payment.method, at: now, reason } },
        },
        { new: true, projection: WITHOUT_OUTBOX },
      )
      .lean<OrderDocument>();
    this.options.logger.warn(
      { orderId: order._id.toHexString(), reason },
      'payment attempt abandoned',
    );
    return abandoned ?? this.reload(order._id);
  }

  /** Takes back an attempt whose request was refused as bad input: nothing is left of it. */
  private async withdraw(order: PayingOrder): Promise<void> {
    await this.options.orders.updateOne(
      { _id: order._id, 'payment.id': order.payment.id, 'payment.step': 'STARTED' },
      { $set: { payment: null } },
    );
  }

  /** Takes a paid order's lines out of the buyer's cart; recovery retries it when it fails. */
  async cleanCart(order: OrderDocument): Promise<OrderDocument> {
    if (order.cartCleanup !== 'PENDING') return order;
    const orderId = order._id.toHexString();
    try {
      const lines = order.lines.map(({ productId, quantity }) => ({ productId, quantity }));
      await this.options.carts.removeOrdered(order.buyerId, orderId, lines);
      await this.options.orders.updateOne(
        { _id: order._id, cartCleanup: 'PENDING' },
        { $set: { cartCleanup: 'DONE' } },
      );
      return { ...order, cartCleanup: 'DONE' };
    } catch (error) {
      this.options.logger.warn({ orderId, err: error }, 'cart cleanup deferred to recovery');
      return order;
    }
  }

  async reload(orderId: Types.ObjectId): Promise<OrderDocument> {
    const order = await this.options.orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>();
    if (!order) throw new Error(`order ${orderId.toHexString()} vanished`);
    return order;
  }
}

/** Why an order cannot take a payment now. */
function refusalToPay(order: OrderDocument, now: Date): AppError {
  if (order.status !== 'PENDING_PAYMENT') return invalidTransition(order.status, 'PAID');
  if (order.payment) return new ConflictError('Another payment of this order is in progress');
  if (order.payBy <= now) {
    return new AppError('INVALID_STATE_TRANSITION', 'The payment window of this order has closed', {
      from: order.status,
      to: 'PAID',
    });
  }
  return new ConflictError('The order changed meanwhile; try again');
}
