import type { FilterQuery } from 'mongoose';
import { WITHOUT_OUTBOX } from '@shop/events';
import type { Logger } from '@shop/logger';
import type { ProductsClient } from '../clients/products.client';
import type {
  IdempotencyKeyDocument,
  IdempotencyKeyModel,
} from '../idempotency/idempotency-key.model';
import type { ReservationSteps } from '../order/order-reservation';
import { SYSTEM } from '../order/order-state';
import type { OrderDocument, OrderModel } from '../order/order.model';
import type { CardPaymentProvider } from './card-payment-provider';
import { ACTIVE_STEPS, type PayingOrder, type PaymentSaga } from './payment-saga';

export interface PaymentRecoveryOptions {
  orders: OrderModel;
  keys: IdempotencyKeyModel;
  saga: PaymentSaga;
  stock: ReservationSteps;
  products: ProductsClient;
  card: CardPaymentProvider;
  logger: Logger;
  /** How long a step may sit before recovery takes it over. */
  staleAfterMs: number;
  /** A card attempt the PG has not heard of is given up only after this (plus staleAfterMs). */
  pgTimeoutMs: number;
}

/** Orders looked at per query and pass; the next pass takes the rest. */
const BATCH = 50;
/** Late approvals are looked for on every this-many passes: they are rare and cost a PG call each. */
const LATE_APPROVAL_EVERY = 10;

/**
 * The recovery loop (an IntervalTask in every orders process; every step is conditional and
 * idempotent, so several processes may run it): finishes or undoes what a crash, a timeout or
 * a PG that did not answer left behind. See docs/checkout.md, "Crash points".
 */
export class PaymentRecovery {
  private passes = 0;

  constructor(private readonly options: PaymentRecoveryOptions) {}

  /** One pass over every kind of unfinished work; returns how many items it took on. */
  async pass(): Promise<number> {
    this.passes += 1;
    const staleBefore = new Date(Date.now() - this.options.staleAfterMs);
    const { saga, stock } = this.options;
    let handled = 0;
    handled += await this.each(interruptedAttempts(staleBefore), (order) => this.resume(order));
    handled += await this.each(
      {
        status: 'PENDING_PAYMENT',
        'payment.step': 'CAPTURED',
        'payment.updatedAt': { $lt: staleBefore },
      },
      (order) => saga.complete(order as PayingOrder, SYSTEM),
    );
    handled += await this.each(
      { 'reservation.status': 'RELEASING', updatedAt: { $lt: staleBefore } },
      (order) => stock.release(order),
    );
    handled += await this.each(
      { cartCleanup: 'PENDING', updatedAt: { $lt: staleBefore } },
      (order) => saga.cleanCart(order),
    );
    if (this.passes % LATE_APPROVAL_EVERY === 1) {
      handled += await this.each({ lateApprovalCheckUntil: { $gt: new Date() } }, (order) =>
        this.cancelLateApproval(order),
      );
    }
    handled += await this.abandonedPlacements(staleBefore);
    return handled;
  }

  /** A balance attempt is fenced and finished or given up; a card attempt is asked about. */
  private async resume(order: OrderDocument): Promise<unknown> {
    const paying = order as PayingOrder;
    if (paying.payment.method === 'BALANCE') return this.options.saga.recoverBalance(paying);
    const age = Date.now() - paying.payment.startedAt.getTime();
    const giveUp = age > this.options.pgTimeoutMs + this.options.staleAfterMs;
    return this.options.saga.reconcileCard(paying, SYSTEM, giveUp);
  }

  /**
   * The PG approved a card attempt after it was given up (or the order was paid otherwise): an
   * approval no order kept is cancelled, so no one pays without a paid order.
   */
  private async cancelLateApproval(order: OrderDocument): Promise<void> {
    const active = order.payment && ACTIVE_STEPS.includes(order.payment.step);
    if (active) return; // the attempt under way adopts the approval (ALREADY_PROCESSED_PAYMENT)
    const lookup = await this.options.card.findByOrder(order._id.toHexString());
    if (lookup.kind !== 'approved' || lookup.balanceAmount === 0) return;
    if (order.payment?.paymentKey === lookup.paymentKey) return;
    this.options.logger.warn({ orderId: order._id.toHexString() }, 'cancelling a late PG approval');
    await this.options.card.cancel({
      paymentKey: lookup.paymentKey,
      amount: lookup.balanceAmount,
      reason: 'Approved after the order gave this payment up',
      idempotencyKey: `late-${lookup.paymentKey}`,
    });
  }

  /**
   * createOrder requests that died between reserving stock and writing the order: the order is
   * written (only the key's completion was lost) or its reservation is released.
   */
  private async abandonedPlacements(staleBefore: Date): Promise<number> {
    const { keys, orders, products } = this.options;
    const stale = await keys
      .find({ status: 'IN_PROGRESS', operation: 'createOrder', lockedUntil: { $lt: staleBefore } })
      .limit(BATCH)
      .lean<IdempotencyKeyDocument[]>();
    for (const claim of stale) {
      const taken = await keys.findOneAndUpdate(
        { _id: claim._id, status: 'IN_PROGRESS', lockedUntil: claim.lockedUntil },
        { $set: { lockedUntil: new Date(Date.now() + this.options.staleAfterMs) } },
      );
      if (!taken) continue;
      if (await orders.exists({ _id: claim.resultRef })) {
        await keys.updateOne({ _id: claim._id }, { $set: { status: 'COMPLETED' } });
        continue;
      }
      await products.release(claim.resultRef);
      await keys.deleteOne({ _id: claim._id });
      this.options.logger.warn(
        { orderId: claim.resultRef },
        'released the stock of an unfinished order',
      );
    }
    return stale.length;
  }

  private async each(
    filter: FilterQuery<OrderDocument>,
    work: (order: OrderDocument) => Promise<unknown>,
  ): Promise<number> {
    const found = await this.options.orders
      .find(filter, WITHOUT_OUTBOX)
      .limit(BATCH)
      .lean<OrderDocument[]>();
    for (const order of found) {
      try {
        await work(order);
      } catch (error) {
        this.options.logger.error(
          { orderId: order._id.toHexString(), err: error },
          'recovery step failed',
        );
      }
    }
    return found.length;
  }
}

/** Card attempts whose outcome is unknown, and attempts of either kind that sat too long. */
function interruptedAttempts(staleBefore: Date): FilterQuery<OrderDocument> {
  return {
    status: 'PENDING_PAYMENT',
    $or: [
      { 'payment.step': 'UNKNOWN' },
      { 'payment.step': 'STARTED', 'payment.updatedAt': { $lt: staleBefore } },
    ],
  };
}
