import { AppError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import type { ProductsClient } from '../clients/products.client';
import type { OrderDocument, OrderModel } from './order.model';

/** The coupon held by an order that ends unpaid becomes usable again with its stock. */
export interface CouponHoldRelease {
  releaseHold(orderId: string): Promise<boolean>;
}

/**
 * The order's side of its stock reservation at the products subgraph. Both calls are
 * idempotent by order id there, so a step repeated by recovery changes nothing twice.
 */
export class ReservationSteps {
  constructor(
    private readonly orders: OrderModel,
    private readonly products: ProductsClient,
    private readonly logger: Logger,
    private readonly coupons: CouponHoldRelease,
  ) {}

  /**
   * Makes the held units leave with a paid order. False when the reservation can no longer be
   * committed (it expired with the payment window, or was released): the order cannot be
   * completed and its money goes back.
   */
  async commit(order: Pick<OrderDocument, '_id'>): Promise<boolean> {
    try {
      await this.products.commit(order._id.toHexString());
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVALID_STATE_TRANSITION') return false;
      throw error;
    }
  }

  /**
   * Gives the units of an order that ended unpaid back to sale, and its coupon back to its
   * buyer, then records it on the order; until then the order stays RELEASING and recovery
   * repeats both (each idempotent by order id).
   */
  async release(order: Pick<OrderDocument, '_id'>): Promise<void> {
    try {
      await this.products.release(order._id.toHexString());
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'INVALID_STATE_TRANSITION')) throw error;
      // Committed: the units left with a paid order and are not ours to give back.
      this.logger.error(
        { orderId: order._id.toHexString() },
        'an unpaid order held committed stock',
      );
    }
    await this.coupons.releaseHold(order._id.toHexString());
    await this.orders.updateOne(
      { _id: order._id, 'reservation.status': 'RELEASING' },
      { $set: { 'reservation.status': 'RELEASED' } },
    );
  }
}
