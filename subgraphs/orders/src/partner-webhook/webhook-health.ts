import type { Logger } from '@shop/logger';
import type { AttemptVerdict } from './webhook-retry-policy';
import { shouldDisable } from './webhook-retry-policy';
import type {
  WebhookSubscriptionDocument,
  WebhookSubscriptionModel,
} from './webhook-subscription.model';

/** Tells a partner that their subscription was disabled (by mail). */
export interface DisabledNotifier {
  subscriptionDisabled(subscription: WebhookSubscriptionDocument, reason: string): Promise<void>;
}

/**
 * A subscription's health: a success clears its failure streak; a 410 disables it at once;
 * failures with no success in between for `disableAfterMs` (5 days) disable it too. Either way
 * the partner is told, once (the disabling update is conditional on ACTIVE).
 */
export class WebhookHealth {
  constructor(
    private readonly subscriptions: WebhookSubscriptionModel,
    private readonly notifier: DisabledNotifier,
    private readonly disableAfterMs: number,
    private readonly logger: Logger,
  ) {}

  async afterAttempt(
    subscription: WebhookSubscriptionDocument,
    verdict: AttemptVerdict,
    at: Date,
  ): Promise<void> {
    const _id = subscription._id;
    if (verdict.kind === 'succeeded') {
      // The common case, a healthy partner, costs no write.
      if (!subscription.failingSince) return;
      await this.subscriptions.updateOne(
        { _id, failingSince: { $ne: null } },
        { $set: { failingSince: null } },
      );
      return;
    }
    if (verdict.kind === 'gone') {
      await this.disable(subscription, 'The endpoint answered 410 Gone');
      return;
    }
    await this.subscriptions.updateOne({ _id, failingSince: null }, { $set: { failingSince: at } });
    const since = subscription.failingSince ?? at;
    if (shouldDisable(since, new Date(), this.disableAfterMs)) {
      const days = Math.round((Date.now() - since.getTime()) / 86_400_000);
      await this.disable(
        subscription,
        `Every delivery failed since ${since.toISOString()} (${days} days)`,
      );
    }
  }

  private async disable(subscription: WebhookSubscriptionDocument, reason: string): Promise<void> {
    const changed = await this.subscriptions.updateOne(
      { _id: subscription._id, status: 'ACTIVE' },
      { $set: { status: 'DISABLED', disabledReason: reason } },
    );
    if (changed.modifiedCount !== 1) return;
    this.logger.warn(
      { subscriptionId: subscription._id.toHexString(), reason },
      'webhook subscription disabled',
    );
    await this.notifier
      .subscriptionDisabled(subscription, reason)
      .catch((err: unknown) =>
        this.logger.error(
          { err: String(err) },
          'could not mail the partner of a disabled subscription',
        ),
      );
  }
}
