import type { BalanceLedger } from '../balance/balance-ledger';
import type { OrderDocument, PaymentRecord } from '../order/order.model';
import type { CardPaymentProvider } from './card-payment-provider';

/** The ledger reference of the money an attempt gives back: one per attempt. */
export const refundReference = (attemptId: string) => `refund:${attemptId}`;

/**
 * Gives a payment's money back where it came from: a REFUND entry on the balance, or a cancel at
 * the PG. Both are idempotent by the attempt id, so a step repeated after a crash refunds once.
 */
export class PaymentRefunds {
  constructor(
    private readonly ledger: BalanceLedger,
    private readonly card: CardPaymentProvider,
  ) {}

  /** Refunds the whole of an attempt that took money its order could not keep. */
  async giveBack(order: OrderDocument & { payment: PaymentRecord }): Promise<void> {
    const { payment } = order;
    if (payment.method === 'BALANCE') {
      await this.ledger.apply(order.buyerId, {
        reference: refundReference(payment.id),
        kind: 'REFUND',
        amount: payment.amount.amount,
        orderId: order._id.toHexString(),
      });
      return;
    }
    if (!payment.paymentKey) throw new Error(`card attempt ${payment.id} has no payment key`);
    await this.card.cancel({
      paymentKey: payment.paymentKey,
      amount: payment.amount.amount,
      reason: 'The order could not be completed',
      idempotencyKey: `cancel-${payment.id}`,
    });
  }
}
