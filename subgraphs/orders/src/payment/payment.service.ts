import { requireUser, type Identity } from '@shop/auth';
import { ConflictError, ForbiddenError, NotFoundError, parseInput } from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import { WITHOUT_OUTBOX } from '@shop/events';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { payOrderInput, type PayOrderInput } from '../order/order-input';
import type { OrderDocument, OrderModel, PaymentRecord } from '../order/order.model';
import type { Actor } from '../order/order-state';
import type { PaymentSaga, PayingOrder } from './payment-saga';

/** What payOrder answers: the order and its payment, approved, declined or still pending. */
export interface PayOrderOutcome {
  order: OrderDocument;
  payment: PaymentRecord;
}

function outcomeOf(order: OrderDocument): PayOrderOutcome {
  if (!order.payment) {
    throw new ConflictError('The payment was interrupted before any money moved; pay again');
  }
  return { order, payment: order.payment };
}

/**
 * payOrder: the buyer pays an unpaid order from their balance or by card, idempotently by the
 * key; the saga does the work. A declined payment is an outcome, not an error.
 */
export class PaymentService {
  constructor(
    private readonly orders: OrderModel,
    private readonly saga: PaymentSaga,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Pays an order of the signed-in buyer. The same key with the same request answers the
   * same payment (as it stands now: a payment left PENDING by a PG timeout shows what the
   * reconciler found since). @throws NOT_FOUND for an order that is not the caller's (FORBIDDEN
   * for staff, who may read but not pay it), INVALID_STATE_TRANSITION for an order that is paid,
   * failed, cancelled or past its window, CONFLICT while another payment of it is in progress.
   */
  async payOrder(
    identity: Identity | null,
    orderId: string,
    rawInput: unknown,
    key: string,
  ): Promise<PayOrderOutcome> {
    const buyer = requireUser(identity);
    const input = parseInput(payOrderInput, rawInput, 'input');
    const order = await this.orderOf(buyer, orderId);
    const actor: Actor = { role: 'BUYER', id: buyer.userId };
    return this.idempotency.run({
      buyerId: buyer.userId,
      operation: 'payOrder',
      key,
      input: { orderId: order._id.toHexString(), ...input },
      resultRef: order._id.toHexString(),
      execute: async (claim) => ({
        resultRef: order._id.toHexString(),
        result: outcomeOf(await this.pay(order, input, claim.id, actor)),
      }),
      replay: async () => outcomeOf(await this.saga.reload(order._id)),
    });
  }

  private async pay(order: OrderDocument, input: PayOrderInput, claimId: string, actor: Actor) {
    const started = await this.saga.start(order, input.method, claimId);
    const current = await this.saga.takeMoney(started, input.cardToken, actor);
    // A retry that took over a request which died after the capture finishes it here.
    if (current.payment?.step === 'CAPTURED')
      return this.saga.complete(current as PayingOrder, actor);
    return current;
  }

  private async orderOf(buyer: Identity, orderId: string): Promise<OrderDocument> {
    const order = isObjectIdString(orderId)
      ? await this.orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>()
      : null;
    if (order?.buyerId === buyer.userId) return order;
    if (order && buyer.roles.some((role) => role === 'AGENT' || role === 'ADMIN')) {
      throw new ForbiddenError('Only the buyer pays an order');
    }
    throw new NotFoundError('Order', orderId);
  }
}
