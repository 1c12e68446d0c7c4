import { CARRIERS, orderShipped } from '@shop/contracts';
import { requireUser, type Identity } from '@shop/auth';
import { ConflictError, NotFoundError, parseInput } from '@shop/errors';
import { z } from 'zod';
import type { ProductsClient } from '../clients/products.client';
import { findOrder, fulfilmentActor } from '../fulfilment/order-access';
import { canTransition, invalidTransition, transition, type Actor } from '../order/order-state';
import type { OrderDocument, OrderModel, OrderStatus } from '../order/order.model';
import { estimateDelivery } from './delivery-estimate';
import type { ShipmentRecord } from './shipment';
import { generateTrackingNumber, TRACKING_NUMBER_PATTERN, trackingUrlOf } from './tracking-number';

const shipOrderInput = z.object({
  carrier: z.enum(CARRIERS),
  trackingNumber: z
    .string()
    .trim()
    .regex(TRACKING_NUMBER_PATTERN, 'must be 8 to 30 letters, digits or hyphens')
    .nullish(),
});

export interface ShippingOptions {
  orders: OrderModel;
  products: ProductsClient;
  /** Base of tracking links: `<base>/tracking/<number>` (the carrier sandbox in development). */
  trackingBaseUrl: string;
}

/** Generated tracking numbers tried before giving up (a clash is one in 10¹¹). */
const TRACKING_ATTEMPTS = 5;

/**
 * Fulfilment of paid orders by an ADMIN or the seller of their products: preparing
 * (`PAID`/`PARTIALLY_CANCELLED` → `PREPARING`) and shipping (`PREPARING` → `SHIPPED`, with the
 * parcel, its tracking link, the estimated delivery and `orders.order.shipped`, whose relay
 * sends the buyer's SMS).
 */
export class ShippingService {
  constructor(private readonly options: ShippingOptions) {}

  /**
   * Starts preparing a paid order. @throws NOT_FOUND, FORBIDDEN (the buyer, AGENTs, other
   * sellers who may read it), INVALID_STATE_TRANSITION unless it is paid and not shipped.
   */
  async startPreparingOrder(identity: Identity | null, orderId: string): Promise<OrderDocument> {
    const { order, actor } = await this.actorOn(identity, orderId);
    return this.move(order, actor, 'PREPARING', {});
  }

  /**
   * Ships a prepared order: the given tracking number or a generated one (unique across
   * orders: CONFLICT when a given one is taken). @throws as startPreparingOrder, and
   * BAD_USER_INPUT for an unknown carrier or a malformed tracking number.
   */
  async shipOrder(identity: Identity | null, orderId: string, rawInput: unknown) {
    const input = parseInput(shipOrderInput, rawInput, 'input');
    const { order, actor } = await this.actorOn(identity, orderId);
    if (!canTransition(order.status, 'SHIPPED', actor.role)) {
      throw invalidTransition(order.status, 'SHIPPED');
    }
    for (let attempt = 1; ; attempt += 1) {
      const trackingNumber = input.trackingNumber ?? generateTrackingNumber(input.carrier);
      try {
        return await this.ship(order, actor, input.carrier, trackingNumber);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 11000) throw error;
        if (input.trackingNumber || attempt >= TRACKING_ATTEMPTS) {
          throw new ConflictError(`Tracking number ${trackingNumber} is already in use`);
        }
      }
    }
  }

  private async ship(
    order: OrderDocument,
    actor: Actor,
    carrier: ShipmentRecord['carrier'],
    trackingNumber: string,
  ) {
    const shippedAt = new Date();
    const shipment: ShipmentRecord = {
      carrier,
      trackingNumber,
      trackingUrl: trackingUrlOf(this.options.trackingBaseUrl, trackingNumber),
      estimatedDeliveryAt: estimateDelivery(shippedAt, carrier),
      shippedAt,
      deliveredAt: null,
      lastEvent: null,
      events: [],
      eventIds: [],
    };
    return this.move(order, actor, 'SHIPPED', { shipment }, [
      (sequence) =>
        orderShipped.create({
          orderId: order._id.toHexString(),
          number: order.number,
          buyerId: order.buyerId,
          sequence,
          carrier,
          trackingNumber,
          trackingUrl: shipment.trackingUrl,
          estimatedDeliveryAt: shipment.estimatedDeliveryAt.toISOString(),
          shippedAt: shippedAt.toISOString(),
        }),
    ]);
  }

  private async actorOn(identity: Identity | null, orderId: string) {
    const user = requireUser(identity);
    const order = await findOrder(this.options.orders, orderId);
    if (!order) throw new NotFoundError('Order', orderId);
    return { order, actor: await fulfilmentActor(user, order, this.options.products) };
  }

  private async move(
    order: OrderDocument,
    actor: Actor,
    to: OrderStatus,
    set: Record<string, unknown>,
    sequenced: Parameters<typeof transition>[2]['sequenced'] = [],
  ): Promise<OrderDocument> {
    if (!canTransition(order.status, to, actor.role)) throw invalidTransition(order.status, to);
    const moved = await transition(this.options.orders, order, {
      from: order.status,
      to,
      actor,
      reason: null,
      set,
      sequenced,
    });
    if (moved) return moved;
    const current = await findOrder(this.options.orders, order._id.toHexString());
    throw current && current.status !== order.status
      ? invalidTransition(current.status, to)
      : new ConflictError('The order changed meanwhile; read it and try again');
  }
}
