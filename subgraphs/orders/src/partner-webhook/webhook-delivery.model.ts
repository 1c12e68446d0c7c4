import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';
import type { WebhookEvent } from './webhook-payload';

export type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/**
 * One try to deliver. Pushed unfinished before the request goes out, so a process killed
 * mid-request still leaves the attempt in the log (closed later as interrupted).
 */
export interface WebhookAttemptRecord {
  at: Date;
  finished: boolean;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** One event for one subscription: the delivery log's entry, written before anything is sent. */
export interface WebhookDeliveryDocument {
  _id: Types.ObjectId;
  subscriptionId: string;
  /** The order event it comes from; unique with the subscription (an idempotent fan-out). */
  eventId: string;
  event: WebhookEvent;
  /** The `webhook-id` header, the same for every retry and replay. */
  messageId: string;
  /** The exact JSON body, signed anew at each attempt. */
  payload: string;
  orderId: string | null;
  status: DeliveryStatus;
  attempts: WebhookAttemptRecord[];
  /** `attempts.length`, kept as a number the claim of the next attempt can be conditional on. */
  attemptCount: number;
  /** Index of the first attempt of the current round (0; a replay starts a new round). */
  roundStart: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type WebhookDeliveryModel = Model<WebhookDeliveryDocument>;

export const webhookDeliveryModel = defineModel(
  'WebhookDelivery',
  new Schema<WebhookDeliveryDocument>(
    {
      subscriptionId: { type: String, required: true },
      eventId: { type: String, required: true },
      event: { type: String, required: true },
      messageId: { type: String, required: true },
      payload: { type: String, required: true },
      orderId: { type: String, default: null },
      status: { type: String, required: true },
      attempts: {
        type: [
          new Schema<WebhookAttemptRecord>(
            {
              at: Date,
              finished: Boolean,
              responseStatus: { type: Number, default: null },
              error: { type: String, default: null },
              durationMs: Number,
            },
            { _id: false },
          ),
        ],
        default: [],
      },
      attemptCount: { type: Number, required: true },
      roundStart: { type: Number, default: 0 },
      nextAttemptAt: { type: Date, default: null },
    },
    { collection: 'webhookDeliveries', versionKey: false, timestamps: true },
  ),
  [
    // One delivery per subscription and event, however often the event is relayed.
    [{ subscriptionId: 1, eventId: 1 }, { unique: true }],
    // The delivery log of a subscription, newest first.
    [{ subscriptionId: 1, _id: -1 }],
    // The sweeper: pending deliveries whose job was lost.
    [{ status: 1, nextAttemptAt: 1 }],
  ],
);
