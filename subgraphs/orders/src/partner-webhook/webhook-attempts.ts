import type { WebhookJob } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import type { WebhookDeliveryDocument, WebhookDeliveryModel } from './webhook-delivery.model';
import type { WebhookHealth } from './webhook-health';
import type { WebhookQueue } from './webhook-queue';
import { verdictAfter, type AttemptVerdict } from './webhook-retry-policy';
import type { SendOutcome, WebhookSender } from './webhook-sender';
import { webhookHeaders, type SecretBox } from './webhook-signing';
import type { SubscriptionSlots } from './webhook-concurrency';
import { signingSecrets } from './webhook-subscription.service';
import type {
  WebhookSubscriptionDocument,
  WebhookSubscriptionModel,
} from './webhook-subscription.model';

/** What a job of the `webhooks` queue did; `busy`: the subscription's slots are all taken. */
export type AttemptRun = 'attempted' | 'busy' | 'skipped';

export interface WebhookAttemptsOptions {
  deliveries: WebhookDeliveryModel;
  subscriptions: WebhookSubscriptionModel;
  sender: WebhookSender;
  box: SecretBox;
  queue: WebhookQueue;
  slots: SubscriptionSlots;
  health: WebhookHealth;
  schedule: readonly number[];
  /** An unfinished attempt older than this was cut short by a dying process. */
  staleMs: number;
  logger: Logger;
}

/**
 * Makes one attempt of a delivery: claims it in the log (an unfinished entry, pushed with a
 * conditional update so two workers cannot both make attempt n), signs and sends, records the
 * outcome and queues the next attempt or ends the delivery.
 */
export class WebhookAttempts {
  constructor(private readonly options: WebhookAttemptsOptions) {}

  /**
   * Runs the delivery's due attempt, if it still has one. The subscription's slot is taken
   * first, so a job that must wait for a busy partner costs one Redis call and no read.
   */
  async run(job: WebhookJob): Promise<AttemptRun> {
    const release = await this.options.slots.take(job.subscriptionId);
    if (!release) return 'busy';
    try {
      const { deliveries, subscriptions } = this.options;
      const delivery = await deliveries.findById(job.deliveryId).lean();
      if (delivery?.status !== 'PENDING') return 'skipped';
      const subscription = await subscriptions.findById(delivery.subscriptionId).lean();
      if (subscription?.status !== 'ACTIVE') {
        await this.end(delivery);
        return 'skipped';
      }
      return await this.attempt(delivery, subscription);
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async attempt(
    delivery: WebhookDeliveryDocument,
    subscription: WebhookSubscriptionDocument,
  ): Promise<AttemptRun> {
    if (!(await this.closeInterrupted(delivery))) return 'skipped';
    const n = delivery.attemptCount;
    const at = new Date();
    const claimed = await this.options.deliveries.updateOne(
      { _id: delivery._id, status: 'PENDING', attemptCount: n },
      {
        $push: {
          attempts: { at, finished: false, responseStatus: null, error: null, durationMs: 0 },
        },
        $inc: { attemptCount: 1 },
      },
    );
    if (claimed.modifiedCount !== 1) return 'skipped';
    const secrets = signingSecrets(subscription, this.options.box, at);
    const timestamp = Math.floor(at.getTime() / 1000);
    const headers = webhookHeaders(secrets, delivery.messageId, timestamp, delivery.payload);
    const outcome = await this.options.sender.send(subscription.url, delivery.payload, headers);
    const verdict = verdictAfter(
      n - delivery.roundStart,
      outcome.responseStatus,
      this.options.schedule,
    );
    await this.record(delivery, n, outcome, verdict);
    await this.options.health.afterAttempt(subscription, verdict, at);
    return 'attempted';
  }

  /**
   * An attempt left unfinished by a process that died is closed as interrupted; one still
   * young may be in flight elsewhere, so this run backs off (false).
   */
  private async closeInterrupted(delivery: WebhookDeliveryDocument): Promise<boolean> {
    const index = delivery.attemptCount - 1;
    const last = delivery.attempts[index];
    if (!last || last.finished) return true;
    const age = Date.now() - last.at.getTime();
    if (age < this.options.staleMs) return false;
    await this.options.deliveries.updateOne(
      {
        _id: delivery._id,
        attemptCount: delivery.attemptCount,
        [`attempts.${index}.finished`]: false,
      },
      {
        $set: {
          [`attempts.${index}.finished`]: true,
          [`attempts.${index}.error`]:
            'interrupted: the sending process stopped during the attempt',
          [`attempts.${index}.durationMs`]: age,
        },
      },
    );
    this.options.logger.warn(
      { deliveryId: delivery._id.toHexString() },
      'webhook attempt interrupted',
    );
    return true;
  }

  private async record(
    delivery: WebhookDeliveryDocument,
    n: number,
    outcome: SendOutcome,
    verdict: AttemptVerdict,
  ): Promise<void> {
    const retryAt = verdict.kind === 'retry' ? new Date(Date.now() + verdict.delayMs) : null;
    const status =
      verdict.kind === 'succeeded' ? 'SUCCEEDED' : verdict.kind === 'retry' ? 'PENDING' : 'FAILED';
    await this.options.deliveries.updateOne(
      { _id: delivery._id, attemptCount: n + 1 },
      {
        $set: {
          [`attempts.${n}.finished`]: true,
          [`attempts.${n}.responseStatus`]: outcome.responseStatus,
          [`attempts.${n}.error`]: outcome.error,
          [`attempts.${n}.durationMs`]: outcome.durationMs,
          status,
          nextAttemptAt: retryAt,
        },
      },
    );
    if (retryAt) {
      await this.options.queue.schedule({
        _id: delivery._id,
        subscriptionId: delivery.subscriptionId,
        attemptCount: n + 1,
        nextAttemptAt: retryAt,
      });
    }
  }

  /** A delivery whose subscription is gone or off ends FAILED without an attempt. */
  private async end(delivery: WebhookDeliveryDocument): Promise<void> {
    await this.options.deliveries.updateOne(
      { _id: delivery._id, status: 'PENDING' },
      { $set: { status: 'FAILED', nextAttemptAt: null } },
    );
  }
}
