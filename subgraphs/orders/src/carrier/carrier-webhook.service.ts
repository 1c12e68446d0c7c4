import { DELIVERY_STATUSES, deliveryUpdated, orderDelivered } from '@shop/contracts';
import { WITHOUT_OUTBOX } from '@shop/events';
import type { Logger } from '@shop/logger';
import { z } from 'zod';
import { writeSequenced, type SequencedEvent } from '../order/order-sequence';
import { SYSTEM, transition } from '../order/order-state';
import type { OrderDocument, OrderModel } from '../order/order.model';
import { DELIVERY_PROGRESS, type CarrierScan, type ShipmentRecord } from '../shipping/shipment';
import type { CarrierEventModel, CarrierEventOutcome } from './carrier-event.model';

/** The carrier's webhook body (API.md "Carrier webhook in"). */
export const carrierEventInput = z.object({
  eventId: z.string().min(1).max(200),
  trackingNumber: z.string().min(1).max(64),
  status: z.enum(DELIVERY_STATUSES),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type CarrierEvent = z.infer<typeof carrierEventInput>;

type ShippedOrder = OrderDocument & { shipment: ShipmentRecord };

/** Writes lost to a concurrent event of the same parcel before the event is read again. */
const ATTEMPTS = 10;

/**
 * Applies the carrier's scans to orders. Idempotent by event id (the order keeps the ids it
 * saw, and every write is conditional on not having it); a parcel's status only moves forward
 * (a scan that is not further along than the last is recorded on the order as late, not
 * applied); DELIVERED makes the order DELIVERED. Each applied scan writes
 * `orders.delivery.updated` (and `orders.order.delivered`) with the order's sequence.
 */
export class CarrierWebhookService {
  constructor(
    private readonly orders: OrderModel,
    private readonly events: CarrierEventModel,
    private readonly logger: Logger,
  ) {}

  /** Takes one verified event; the outcome decides the HTTP answer (UNKNOWN_TRACKING: 404). */
  async receive(event: CarrierEvent): Promise<CarrierEventOutcome> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const order = await this.orders
        .findOne({ 'shipment.trackingNumber': event.trackingNumber }, WITHOUT_OUTBOX)
        .lean<ShippedOrder>();
      if (!order) return this.record(event, null, 'UNKNOWN_TRACKING');
      if (order.shipment.eventIds?.includes(event.eventId)) {
        return this.record(event, order, 'DUPLICATE');
      }
      const outcome = await this.apply(order, event);
      if (outcome) return this.record(event, order, outcome);
    }
    throw new Error(`carrier event ${event.eventId} kept losing races`);
  }

  /** One conditional write of the scan; null when the order changed since it was read. */
  private async apply(
    order: ShippedOrder,
    event: CarrierEvent,
  ): Promise<CarrierEventOutcome | null> {
    const last = order.shipment.lastEvent;
    const forward =
      order.status === 'SHIPPED' &&
      DELIVERY_PROGRESS[event.status] > DELIVERY_PROGRESS[last ?? 'SHIPPED'];
    const scan: CarrierScan = {
      eventId: event.eventId,
      status: event.status,
      occurredAt: new Date(event.occurredAt),
      receivedAt: new Date(),
      applied: forward,
    };
    const seen = { 'shipment.eventIds': { $ne: event.eventId } };
    const push = { 'shipment.events': scan, 'shipment.eventIds': event.eventId };
    if (!forward) {
      const late = await this.orders.updateOne({ _id: order._id, ...seen }, { $push: push });
      return late.modifiedCount === 1 ? 'LATE' : null;
    }
    const where = { ...seen, 'shipment.lastEvent': last ?? null };
    const updated = this.updatedEvent(order, event);
    if (event.status !== 'DELIVERED') {
      const written = await writeSequenced(
        this.orders,
        { _id: order._id, status: 'SHIPPED', ...where },
        { set: { 'shipment.lastEvent': event.status }, push, sequenced: [updated] },
      );
      return written ? 'APPLIED' : null;
    }
    const delivered = await transition(this.orders, order, {
      from: 'SHIPPED',
      to: 'DELIVERED',
      actor: SYSTEM,
      reason: null,
      where,
      set: { 'shipment.lastEvent': 'DELIVERED', 'shipment.deliveredAt': scan.occurredAt },
      push,
      sequenced: [updated, this.deliveredEvent(order, scan.occurredAt)],
    });
    return delivered ? 'APPLIED' : null;
  }

  private updatedEvent(order: ShippedOrder, event: CarrierEvent): SequencedEvent {
    return (sequence) =>
      deliveryUpdated.create({
        ...this.ref(order, sequence),
        status: event.status,
        occurredAt: new Date(event.occurredAt).toISOString(),
      });
  }

  private deliveredEvent(order: ShippedOrder, at: Date): SequencedEvent {
    return (sequence) =>
      orderDelivered.create({ ...this.ref(order, sequence), deliveredAt: at.toISOString() });
  }

  private ref(order: ShippedOrder, sequence: number) {
    return {
      orderId: order._id.toHexString(),
      number: order.number,
      buyerId: order.buyerId,
      sequence,
      carrier: order.shipment.carrier,
      trackingNumber: order.shipment.trackingNumber,
    };
  }

  /** Keeps the event (first outcome wins; later deliveries only count) and returns the outcome. */
  private async record(
    event: CarrierEvent,
    order: OrderDocument | null,
    outcome: CarrierEventOutcome,
  ): Promise<CarrierEventOutcome> {
    await this.events.updateOne(
      { _id: event.eventId },
      {
        $setOnInsert: {
          trackingNumber: event.trackingNumber,
          status: event.status,
          occurredAt: new Date(event.occurredAt),
          orderId: order?._id.toHexString() ?? null,
          outcome,
        },
        $inc: { received: 1 },
      },
      { upsert: true },
    );
    if (outcome === 'UNKNOWN_TRACKING' || outcome === 'LATE') {
      this.logger.warn({ eventId: event.eventId, outcome }, 'carrier event not applied');
    }
    return outcome;
  }
}
