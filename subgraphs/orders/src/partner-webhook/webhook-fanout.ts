import { Types } from 'mongoose';
import type { OrderStatusChangedPayload } from '@shop/contracts';
import type { DomainEvent } from '@shop/events';
import type { OrderModel } from '../order/order.model';
import type { WebhookDeliveryDocument, WebhookDeliveryModel } from './webhook-delivery.model';
import { webhookBody, webhookMessageOf, type WebhookMessage } from './webhook-payload';
import type { WebhookQueue } from './webhook-queue';
import type { WebhookSubscriptionModel } from './webhook-subscription.model';

/** The `webhook-id` of a delivery: stable for its life, unique across subscriptions. */
export function messageIdOf(deliveryId: Types.ObjectId): string {
  return `msg_${deliveryId.toHexString()}`;
}

/**
 * Turns order events into deliveries: one per matching ACTIVE subscription, recorded in the
 * delivery log before its first attempt is queued. Idempotent: the log's unique index on
 * subscription and event makes a redelivered event find the deliveries it already made, which
 * are queued again (the job id dedupes) in case the first run stopped in between.
 */
export class WebhookFanout {
  constructor(
    private readonly subscriptions: WebhookSubscriptionModel,
    private readonly deliveries: WebhookDeliveryModel,
    private readonly orders: OrderModel,
    private readonly queue: WebhookQueue,
  ) {}

  /** Handles one order event; events partners are not told of do nothing. */
  async handle(event: DomainEvent): Promise<number> {
    const history = await this.historyFor(event);
    const message = webhookMessageOf(event, (p) => fallbackSequence(history, p));
    if (!message) return 0;
    const targets = await this.subscriptions
      .find({ status: 'ACTIVE', events: message.event }, { _id: 1 })
      .lean();
    for (const target of targets) {
      const delivery = await this.record(target._id.toHexString(), event.id, message);
      if (delivery.status === 'PENDING' && delivery.attemptCount === 0) {
        await this.queue.schedule(delivery);
      }
    }
    return targets.length;
  }

  private async record(
    subscriptionId: string,
    eventId: string,
    message: WebhookMessage,
  ): Promise<WebhookDeliveryDocument> {
    const _id = new Types.ObjectId();
    try {
      const created = await this.deliveries.create({
        _id,
        subscriptionId,
        eventId,
        event: message.event,
        messageId: messageIdOf(_id),
        payload: webhookBody(message),
        orderId: message.data.orderId,
        status: 'PENDING',
        attempts: [],
        attemptCount: 0,
        roundStart: 0,
        nextAttemptAt: new Date(),
      });
      return created.toObject();
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = await this.deliveries.findOne({ subscriptionId, eventId }).lean();
      if (!existing) throw error;
      return existing;
    }
  }

  /** Only status changes written before orders carried a sequence need the order's history. */
  private async historyFor(event: DomainEvent) {
    const orderId = event.payload['orderId'];
    if (event.payload['sequence'] !== undefined || typeof orderId !== 'string') return [];
    if (!Types.ObjectId.isValid(orderId)) return [];
    const order = await this.orders.findById(new Types.ObjectId(orderId), { history: 1 }).lean();
    return order?.history ?? [];
  }
}

/**
 * The sequence of a status change without one: its place (1-based) in the order's history,
 * which grows in the order changes were written; past the end when the entry is not found.
 */
export function fallbackSequence(
  history: ReadonlyArray<{ status: string; at: Date }>,
  change: Pick<OrderStatusChangedPayload, 'to' | 'at'>,
): number {
  const at = new Date(change.at).getTime();
  const index = history.findIndex((h) => h.status === change.to && h.at.getTime() === at);
  return index >= 0 ? index + 1 : history.length + 1;
}
