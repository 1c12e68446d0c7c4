import { Types } from 'mongoose';
import { z } from 'zod';
import type { Identity } from '@shop/auth';
import { NotFoundError, parseInput } from '@shop/errors';
import { ownSubscription } from './webhook-access';
import type { WebhookDeliveryDocument, WebhookDeliveryModel } from './webhook-delivery.model';
import { messageIdOf } from './webhook-fanout';
import { webhookBody } from './webhook-payload';
import type { WebhookQueue } from './webhook-queue';
import type { WebhookSubscriptionModel } from './webhook-subscription.model';

const page = z.object({
  first: z.number().int().min(1).max(100),
  after: z
    .string()
    .regex(/^[0-9a-f]{24}$/i, 'is not a cursor of this list')
    .nullish(),
});

/** The delivery log of a subscription: reading it, replaying an entry, a test delivery. */
export class WebhookDeliveryService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionModel,
    private readonly deliveries: WebhookDeliveryModel,
    private readonly queue: WebhookQueue,
  ) {}

  /** A page of the subscription's deliveries, newest first; `after` is a delivery id. */
  async list(
    identity: Identity | null,
    subscriptionId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<WebhookDeliveryDocument[]> {
    const { first, after } = parseInput(page, { first: args.first ?? 20, after: args.after });
    const subscription = await ownSubscription(this.subscriptions, identity, subscriptionId);
    const filter = {
      subscriptionId: subscription._id.toHexString(),
      ...(after ? { _id: { $lt: new Types.ObjectId(after) } } : {}),
    };
    return this.deliveries.find(filter).sort({ _id: -1 }).limit(first).lean();
  }

  /**
   * Sends a delivery again, same body and `webhook-id`, with a fresh round of retries; its
   * earlier attempts stay in the log.
   */
  async replay(identity: Identity | null, deliveryId: string): Promise<WebhookDeliveryDocument> {
    const delivery = Types.ObjectId.isValid(deliveryId)
      ? await this.deliveries.findById(new Types.ObjectId(deliveryId)).lean()
      : null;
    if (!delivery) throw new NotFoundError('Webhook delivery', deliveryId);
    await ownSubscription(this.subscriptions, identity, delivery.subscriptionId).catch(() => {
      throw new NotFoundError('Webhook delivery', deliveryId);
    });
    const now = new Date();
    const replayed = await this.deliveries
      .findOneAndUpdate(
        { _id: delivery._id, status: { $ne: 'PENDING' } },
        { $set: { status: 'PENDING', roundStart: delivery.attemptCount, nextAttemptAt: now } },
        { new: true },
      )
      .lean();
    // Already pending: its next attempt is queued; the replay adds nothing.
    if (!replayed) return delivery;
    await this.queue.schedule(replayed);
    return replayed;
  }

  /** A `webhook.test` delivery to the subscription, logged and retried like any other. */
  async sendTest(
    identity: Identity | null,
    subscriptionId: string,
  ): Promise<WebhookDeliveryDocument> {
    const subscription = await ownSubscription(this.subscriptions, identity, subscriptionId);
    const _id = new Types.ObjectId();
    const now = new Date();
    const created = await this.deliveries.create({
      _id,
      subscriptionId: subscription._id.toHexString(),
      eventId: `test-${_id.toHexString()}`,
      event: subscription.events[0],
      messageId: messageIdOf(_id),
      payload: webhookBody({
        type: 'webhook.test',
        timestamp: now.toISOString(),
        data: { subscriptionId: subscription._id.toHexString() },
      }),
      orderId: null,
      status: 'PENDING',
      attempts: [],
      attemptCount: 0,
      roundStart: 0,
      nextAttemptAt: now,
    });
    await this.queue.schedule(created);
    return created.toObject();
  }
}
