import { z } from 'zod';
import { hasRole, type Identity } from '@shop/auth';
import { BadUserInputError, ConflictError, parseInput } from '@shop/errors';
import { ownSubscription, requireWebhookManager } from './webhook-access';
import { WEBHOOK_EVENTS } from './webhook-payload';
import { newWebhookSecret, type SecretBox } from './webhook-signing';
import type {
  WebhookOwnerModel,
  WebhookSubscriptionDocument,
  WebhookSubscriptionModel,
} from './webhook-subscription.model';
import {
  TargetRefusedError,
  checkTarget,
  type HostResolver,
  type TargetPolicy,
} from './ssrf-guard';

/** At most this many subscriptions per partner. */
export const MAX_SUBSCRIPTIONS_PER_OWNER = 10;

const createInput = z.object({
  url: z.string().trim().min(1).max(2_048),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, 'name at least one event')
    .refine((events) => new Set(events).size === events.length, 'lists an event twice'),
  description: z.string().trim().max(500).nullish(),
});

/** A subscription and, once, its secret in clear. */
export interface CreatedSubscription {
  subscription: WebhookSubscriptionDocument;
  secret: string;
}

export interface WebhookSubscriptionOptions {
  subscriptions: WebhookSubscriptionModel;
  owners: WebhookOwnerModel;
  box: SecretBox;
  policy: TargetPolicy;
  resolver?: HostResolver;
  secretOverlapMs: number;
}

/** Partners' webhook subscriptions: create, list, delete, enable, rotate the secret. */
export class WebhookSubscriptionService {
  constructor(private readonly options: WebhookSubscriptionOptions) {}

  /** The caller's subscriptions (an admin's: all), newest first. */
  async list(identity: Identity | null): Promise<WebhookSubscriptionDocument[]> {
    const caller = requireWebhookManager(identity);
    const filter = hasRole(caller, 'ADMIN') ? {} : { ownerId: caller.userId };
    return this.options.subscriptions
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(100)
      .lean();
  }

  /**
   * Creates an ACTIVE subscription after checking its URL (scheme and every resolved address).
   * @throws BAD_USER_INPUT for a bad or refused URL or events; CONFLICT past 10 subscriptions
   */
  async create(identity: Identity | null, input: unknown): Promise<CreatedSubscription> {
    const caller = requireWebhookManager(identity);
    const { url, events, description } = parseInput(createInput, input, 'input');
    await this.checkUrl(url);
    await this.takeSlot(caller.userId);
    const secret = newWebhookSecret();
    try {
      const created = await this.options.subscriptions.create({
        ownerId: caller.userId,
        url,
        events,
        description: description ?? null,
        status: 'ACTIVE',
        disabledReason: null,
        secrets: [
          { sealed: this.options.box.seal(secret), createdAt: new Date(), expiresAt: null },
        ],
        failingSince: null,
      });
      return { subscription: created.toObject(), secret };
    } catch (error) {
      await this.releaseSlot(caller.userId);
      throw error;
    }
  }

  /** Deletes a subscription; its delivery log stays, its pending deliveries are not sent. */
  async delete(identity: Identity | null, id: string): Promise<boolean> {
    const found = await ownSubscription(this.options.subscriptions, identity, id);
    const removed = await this.options.subscriptions.deleteOne({ _id: found._id });
    if (removed.deletedCount === 1) await this.releaseSlot(found.ownerId);
    return true;
  }

  /** Turns a DISABLED subscription back on, its failure streak forgotten. */
  async enable(identity: Identity | null, id: string): Promise<WebhookSubscriptionDocument> {
    const found = await ownSubscription(this.options.subscriptions, identity, id);
    await this.checkUrl(found.url);
    const enabled = await this.options.subscriptions
      .findOneAndUpdate(
        { _id: found._id },
        { $set: { status: 'ACTIVE', disabledReason: null, failingSince: null } },
        { new: true },
      )
      .lean();
    return enabled ?? found;
  }

  /**
   * A new secret, shown once; the secrets in use keep signing next to it for the overlap
   * (24 h), so the partner can switch without losing a delivery.
   */
  async rotate(identity: Identity | null, id: string): Promise<CreatedSubscription> {
    const found = await ownSubscription(this.options.subscriptions, identity, id);
    const now = new Date();
    const until = new Date(now.getTime() + this.options.secretOverlapMs);
    const kept = found.secrets
      .filter((s) => !s.expiresAt || s.expiresAt > now)
      .map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < until ? s.expiresAt : until }));
    const secret = newWebhookSecret();
    const fresh = { sealed: this.options.box.seal(secret), createdAt: now, expiresAt: null };
    const rotated = await this.options.subscriptions
      .findOneAndUpdate(
        { _id: found._id, updatedAt: found.updatedAt },
        { $set: { secrets: [...kept, fresh] } },
        { new: true },
      )
      .lean();
    if (!rotated) throw new ConflictError('The secret was rotated at the same time; try again');
    return { subscription: rotated, secret };
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(url, this.options.policy, this.options.resolver);
    } catch (error) {
      if (error instanceof TargetRefusedError) {
        throw new BadUserInputError(`input.url: the URL ${error.reason}`, 'input.url');
      }
      throw error;
    }
  }

  /** Counts the subscription in before it exists, so two concurrent creates cannot make 11. */
  private async takeSlot(ownerId: string): Promise<void> {
    try {
      await this.options.owners.updateOne(
        { _id: ownerId, count: { $lt: MAX_SUBSCRIPTIONS_PER_OWNER } },
        { $inc: { count: 1 } },
        { upsert: true },
      );
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      throw new ConflictError(
        `At most ${MAX_SUBSCRIPTIONS_PER_OWNER} webhook subscriptions per partner`,
      );
    }
  }

  private async releaseSlot(ownerId: string): Promise<void> {
    await this.options.owners.updateOne(
      { _id: ownerId, count: { $gt: 0 } },
      { $inc: { count: -1 } },
    );
  }
}

/** The secrets a subscription signs with now: the newest and any still in their overlap. */
export function signingSecrets(
  subscription: Pick<WebhookSubscriptionDocument, 'secrets'>,
  box: SecretBox,
  now = new Date(),
): string[] {
  return subscription.secrets
    .filter((s) => !s.expiresAt || s.expiresAt > now)
    .map((s) => box.open(s.sealed));
}
