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
    if (!targets.length) return 0;
    const deliveries = await this.record(
      targets.map((target) => target._id.toHexString()),
      event.id,
      message,
    );
    await this.queue.scheduleAll(
      deliveries.filter((delivery) => delivery.status === 'PENDING' && !delivery.attemptCount),
    );
    return targets.length;
  }

  /**
   * Inserts the event's deliveries in one round trip; when the event was handled before, the
   * unique index refuses the ones that exist and they are read back instead.
   */
  private async record(
    subscriptionIds: string[],
    eventId: string,
    message: WebhookMessage,
  ): Promise<WebhookDeliveryDocument[]> {
    const payload = webhookBody(message);
    const now = new Date();
    const fresh = subscriptionIds.map((subscriptionId) => {
      const _id = new Types.ObjectId();
      return {
        _id,
        subscriptionId,
        eventId,
        event: message.event,
        messageId: messageIdOf(_id),
        payload,
        orderId: message.data.orderId,
        status: 'PENDING' as const,
        attempts: [],
        attemptCount: 0,
        roundStart: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      };
    });
    try {
      await this.deliveries.insertMany(fresh, { ordered: false });
      return fresh;
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
      return this.deliveries.find({ eventId, subscriptionId: { $in: subscriptionIds } }).lean();
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

/** True for a bulk insert that failed only on the unique index (a redelivered event). */
function onlyDuplicates(error: unknown): boolean {
  const { code, writeErrors } = error as { code?: number; writeErrors?: WriteError | WriteError[] };
  // The driver gives one write error as an object, several as an array.
  const list = writeErrors === undefined ? [] : [writeErrors].flat();
  if (list.length) return list.every(isDuplicateKey);
  return code === 11000;
}

interface WriteError {
  code?: number;
  errmsg?: string;
  /** The server's error document, which the driver's WriteError wraps. */
  err?: { code?: number; errmsg?: string };
}

function isDuplicateKey(error: WriteError): boolean {
  const code = error.code ?? error.err?.code;
  return code === 11000 || /E11000/.test(error.errmsg ?? error.err?.errmsg ?? '');
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
