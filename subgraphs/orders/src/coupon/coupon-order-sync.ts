import { orderStatusChanged, type OrderStatusChangedPayload } from '@shop/contracts';
import { eventWorker, on } from '@shop/events';
import type { QueueConnection } from '@shop/jobs';
import type { BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import type { Redis } from '@shop/redis';
import type { OrderDocument, OrderModel, OrderStatus } from '../order/order.model';
import type { CouponCheckout } from './coupon-checkout';
import type { CouponDocument, CouponModel } from './coupon.model';

/** The consumer of order events that keeps coupons in step with their orders. */
export const COUPON_CONSUMER = 'coupons';

const RECOVERY_BATCH = 100;

/** Statuses an order reaches only after it was paid. */
const AFTER_PAYMENT: readonly OrderStatus[] = [
  'PAID',
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'PARTIALLY_CANCELLED',
];

/**
 * Keeps coupons in step with the orders holding them, from two sides: the order's status
 * changes (`orders.order.statusChanged`, through the outbox, so none is lost) and a recovery
 * pass over holds left behind (a createOrder that died after holding, a step the saga could
 * not finish). Every step is `CouponCheckout`'s conditional, order-keyed one, so running it
 * twice, or after the saga already did it, changes nothing.
 */
export class CouponOrderSync {
  constructor(
    private readonly options: {
      checkout: CouponCheckout;
      coupons: CouponModel;
      orders: OrderModel;
      logger: Logger;
      /** A hold this old whose order is still missing belongs to a createOrder that died. */
      orphanAfterMs: number;
      /** Holds younger than this are the request path's business. */
      staleAfterMs: number;
    },
  ) {}

  /**
   * PAID → USED; PAYMENT_FAILED or an unpaid order CANCELLED → usable again; a paid order
   * CANCELLED in full → given back while still valid (USED first, in case this event overtook
   * the PAID one).
   */
  async onStatusChanged(change: Pick<OrderStatusChangedPayload, 'orderId' | 'from' | 'to'>) {
    const { checkout } = this.options;
    const at = new Date();
    if (change.to === 'PAID') await checkout.markUsed(change.orderId, at);
    if (change.to === 'PAYMENT_FAILED') await checkout.releaseHold(change.orderId);
    if (change.to !== 'CANCELLED') return;
    if (change.from === 'PENDING_PAYMENT') {
      await checkout.releaseHold(change.orderId);
      return;
    }
    await checkout.markUsed(change.orderId, at);
    if (await checkout.restore(change.orderId)) {
      this.options.logger.info({ orderId: change.orderId }, 'coupon given back: order cancelled');
    }
  }

  /** One recovery pass over holds older than the stale time; returns how many it settled. */
  async recoverHolds(): Promise<number> {
    const now = Date.now();
    const stale = await this.options.coupons
      .find(
        { status: 'HELD', heldAt: { $lte: new Date(now - this.options.staleAfterMs) } },
        { orderId: 1, heldAt: 1 },
      )
      .limit(RECOVERY_BATCH)
      .lean<Array<Pick<CouponDocument, '_id' | 'orderId' | 'heldAt'>>>();
    let settled = 0;
    for (const hold of stale) {
      if (hold.orderId && (await this.settle(hold.orderId, hold.heldAt, now))) settled += 1;
    }
    return settled;
  }

  private async settle(orderId: string, heldAt: Date | null, now: number): Promise<boolean> {
    const { checkout } = this.options;
    const order = await this.options.orders
      .findById(orderId, { status: 1, 'history.status': 1 })
      .lean<Pick<OrderDocument, 'status' | 'history'>>();
    if (!order) {
      const orphaned = (heldAt?.getTime() ?? now) <= now - this.options.orphanAfterMs;
      return orphaned && checkout.releaseHold(orderId);
    }
    if (order.status === 'PENDING_PAYMENT') return false;
    if (AFTER_PAYMENT.includes(order.status)) return checkout.markUsed(orderId);
    const wasPaid = order.history.some((change) => change.status === 'PAID');
    if (order.status === 'CANCELLED' && wasPaid) {
      await checkout.markUsed(orderId);
      return checkout.restore(orderId);
    }
    return checkout.releaseHold(orderId);
  }
}

/** The `events.coupons` worker: order status changes, handled once per event id. */
export function couponOrderConsumer(
  sync: CouponOrderSync,
  connection: QueueConnection,
  redis: Redis,
  logger: Logger,
): BackgroundTask {
  return eventWorker({
    consumer: COUPON_CONSUMER,
    handlers: [on(orderStatusChanged, (change) => sync.onStatusChanged(change))],
    connection,
    redis,
    logger,
  });
}
