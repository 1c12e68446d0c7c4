import type { Queue } from 'bullmq';
import {
  WEBHOOK_QUEUE,
  createQueue,
  webhookAttemptJobId,
  type QueueConnection,
  type WebhookJob,
} from '@shop/jobs';
import type { WebhookDeliveryDocument } from './webhook-delivery.model';

type ScheduledAttempt = Pick<
  WebhookDeliveryDocument,
  '_id' | 'subscriptionId' | 'attemptCount' | 'nextAttemptAt'
>;

/**
 * The `webhooks` queue: one job per attempt of a delivery, due at its `nextAttemptAt`. Finished
 * jobs are removed at once: the delivery log in Mongo is the record, and the sweeper may need
 * to queue the same attempt again after a crash.
 */
export class WebhookQueue {
  private readonly queue: Queue<WebhookJob>;

  constructor(connection: QueueConnection) {
    this.queue = createQueue<WebhookJob>(WEBHOOK_QUEUE, connection);
  }

  /** Queues the delivery's next attempt; queueing the same attempt twice adds one job. */
  async schedule(delivery: ScheduledAttempt): Promise<void> {
    await this.scheduleAll([delivery]);
  }

  /** Queues the next attempt of each delivery, in one round trip. */
  async scheduleAll(deliveries: readonly ScheduledAttempt[]): Promise<void> {
    if (!deliveries.length) return;
    const now = Date.now();
    await this.queue.addBulk(
      deliveries.map((delivery) => {
        const deliveryId = delivery._id.toHexString();
        return {
          name: 'attempt',
          data: { deliveryId, subscriptionId: delivery.subscriptionId },
          opts: {
            jobId: webhookAttemptJobId(deliveryId, delivery.attemptCount),
            delay: Math.max(0, (delivery.nextAttemptAt?.getTime() ?? 0) - now),
            attempts: 3,
            removeOnComplete: true,
            removeOnFail: true,
          },
        };
      }),
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
