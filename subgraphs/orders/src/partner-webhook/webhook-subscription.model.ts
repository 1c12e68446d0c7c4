import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';
import type { WebhookEvent } from './webhook-payload';

export type SubscriptionStatus = 'ACTIVE' | 'DISABLED';

/** A signing secret, sealed (see `SecretBox`); a rotated-out one signs until `expiresAt`. */
export interface SealedSecret {
  sealed: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** A partner's webhook endpoint and the events it wants. */
export interface WebhookSubscriptionDocument {
  _id: Types.ObjectId;
  /** The partner (or admin) who owns it. */
  ownerId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  status: SubscriptionStatus;
  disabledReason: string | null;
  secrets: SealedSecret[];
  /** Start of the current run of failed attempts; null after a success. */
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** How many subscriptions an owner has: the race-free cap of 10 (a conditional `$inc`). */
export interface WebhookOwnerDocument {
  _id: string;
  count: number;
}

export type WebhookSubscriptionModel = Model<WebhookSubscriptionDocument>;
export type WebhookOwnerModel = Model<WebhookOwnerDocument>;

export const webhookSubscriptionModel = defineModel(
  'WebhookSubscription',
  new Schema<WebhookSubscriptionDocument>(
    {
      ownerId: { type: String, required: true },
      url: { type: String, required: true },
      events: { type: [String], required: true },
      description: { type: String, default: null },
      status: { type: String, required: true },
      disabledReason: { type: String, default: null },
      secrets: {
        type: [
          new Schema<SealedSecret>(
            { sealed: String, createdAt: Date, expiresAt: { type: Date, default: null } },
            { _id: false },
          ),
        ],
        default: [],
      },
      failingSince: { type: Date, default: null },
    },
    { collection: 'webhookSubscriptions', versionKey: false, timestamps: true },
  ),
  [
    // A partner's own list, newest first.
    [{ ownerId: 1, createdAt: -1 }],
    // The fan-out: active subscriptions of one event.
    [{ events: 1, status: 1 }],
  ],
);

export const webhookOwnerModel = defineModel(
  'WebhookOwner',
  new Schema<WebhookOwnerDocument>(
    { _id: { type: String, required: true }, count: { type: Number, required: true } },
    { collection: 'webhookOwners', versionKey: false },
  ),
);
