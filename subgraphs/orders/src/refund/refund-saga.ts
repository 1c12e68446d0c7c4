import { WITHOUT_OUTBOX } from '@shop/events';
import type { Logger } from '@shop/logger';
import type { BalanceLedger } from '../balance/balance-ledger';
import type { ProductsClient } from '../clients/products.client';
import type { CrashHook } from '../crash-points';
import type { OrderDocument, OrderModel, RefundRecord } from '../order/order.model';
import type { CardPaymentProvider } from '../payment/card-payment-provider';

export interface RefundSagaOptions {
  orders: OrderModel;
  ledger: BalanceLedger;
  card: CardPaymentProvider;
  products: ProductsClient;
  crash: CrashHook;
  logger: Logger;
}

/** The ledger reference of a cancellation's refund: one per cancellation. */
export const cancellationRefundReference = (id: string) => `refund:${id}`;

/** Records looked at per recovery query. */
const BATCH = 50;

/**
 * The refund and restock of one cancellation of a paid order (docs/fulfilment.md). The intent
 * (`order.refunds[]`, PENDING/PENDING) is written with the cancellation itself; then the money
 * goes back the way it came (a REFUND balance entry by reference `refund:<id>`, or a partial
 * cancel at the PG with Idempotency-Key `cancel-<id>`) and is marked DONE, then the units go
 * back to stock (idempotent by order and cancellation id at the products subgraph) and that is
 * marked DONE. A crash anywhere leaves a PENDING step that {@link recover} repeats: each step is
 * idempotent by the cancellation id, so nothing is refunded twice and no unit is lost.
 */
export class RefundSaga {
  constructor(private readonly options: RefundSagaOptions) {}

  /** Runs what is left of the cancellation `id` of `order`. */
  async run(order: OrderDocument, id: string): Promise<void> {
    const record = order.refunds?.find((refund) => refund.id === id);
    if (!record) return;
    if (record.refund === 'PENDING') {
      await this.giveMoneyBack(order, record);
      await this.options.crash.at('after-refund');
      await this.mark(order, record, 'refund');
    }
    if (record.restock === 'PENDING') {
      await this.options.products.restock({
        orderId: order._id.toHexString(),
        restockId: record.id,
        lines: record.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      });
      await this.mark(order, record, 'restock');
    }
  }

  /** Finishes cancellations whose steps sat PENDING longer than `staleBefore` (a crash). */
  async recover(staleBefore: Date): Promise<number> {
    const stale = { $in: ['PENDING'] };
    const found = await this.options.orders
      .find(
        {
          $or: [
            { refunds: { $elemMatch: { refund: stale, updatedAt: { $lt: staleBefore } } } },
            { refunds: { $elemMatch: { restock: stale, updatedAt: { $lt: staleBefore } } } },
          ],
        },
        WITHOUT_OUTBOX,
      )
      .limit(BATCH)
      .lean<OrderDocument[]>();
    for (const order of found) {
      for (const record of order.refunds ?? []) {
        if (record.refund === 'DONE' && record.restock === 'DONE') continue;
        try {
          await this.run(order, record.id);
        } catch (error) {
          this.options.logger.error(
            { orderId: order._id.toHexString(), refundId: record.id, err: error },
            'refund recovery step failed',
          );
        }
      }
    }
    return found.length;
  }

  private async giveMoneyBack(order: OrderDocument, record: RefundRecord): Promise<void> {
    const { payment } = order;
    if (record.amount.amount === 0 || !payment) return;
    if (payment.method === 'BALANCE') {
      await this.options.ledger.apply(order.buyerId, {
        reference: cancellationRefundReference(record.id),
        kind: 'REFUND',
        amount: record.amount.amount,
        orderId: order._id.toHexString(),
      });
      return;
    }
    if (!payment.paymentKey) throw new Error(`card payment ${payment.id} has no payment key`);
    await this.options.card.cancel({
      paymentKey: payment.paymentKey,
      amount: record.amount.amount,
      reason: 'Order cancelled',
      idempotencyKey: `cancel-${record.id}`,
    });
  }

  /**
   * Marks one step DONE, matched on it still being PENDING so a repeated step counts once; the
   * refund step also adds to the payment's refunded amount. Records are only ever appended, so
   * the record's index in the order is stable and names it in the update.
   */
  private async mark(order: OrderDocument, record: RefundRecord, step: 'refund' | 'restock') {
    const index = (order.refunds ?? []).findIndex((refund) => refund.id === record.id);
    const at = `refunds.${index}`;
    const set: Record<string, unknown> = {
      [`${at}.${step}`]: 'DONE',
      [`${at}.updatedAt`]: new Date(),
    };
    const update: Record<string, unknown> = { $set: set };
    if (step === 'refund' && order.payment) {
      const current = await this.options.orders
        .findById(order._id, { 'payment.refunded': 1, 'payment.amount': 1 })
        .lean<OrderDocument>();
      const refunded = (current?.payment?.refunded.amount ?? 0) + record.amount.amount;
      const all = refunded >= (current?.payment?.amount.amount ?? 0);
      set['payment.status'] = all ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
      update['$inc'] = { 'payment.refunded.amount': record.amount.amount };
    }
    await this.options.orders.updateOne(
      { _id: order._id, [`${at}.id`]: record.id, [`${at}.${step}`]: 'PENDING' },
      update,
    );
    record[step] = 'DONE';
  }
}
