import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';

export type IdempotentOperation = 'createOrder' | 'payOrder' | 'chargeBalance';

/**
 * A client's idempotency key, in the style of Stripe: scoped to the buyer and the operation,
 * remembering a fingerprint of the request it came with and the result it produced.
 */
export interface IdempotencyKeyDocument {
  _id: Types.ObjectId;
  buyerId: string;
  operation: IdempotentOperation;
  key: string;
  /** SHA-256 of the request's canonical JSON: the same key with another request is refused. */
  fingerprint: string;
  /** IN_PROGRESS while a request holds it; COMPLETED with its result. */
  status: 'IN_PROGRESS' | 'COMPLETED';
  /** Chosen when the key is first claimed (the new order's id…), so a takeover reuses it. */
  resultRef: string;
  /** Until then the request that claimed it is presumed alive; a later retry may take over. */
  lockedUntil: Date;
  createdAt: Date;
}

export type IdempotencyKeyModel = Model<IdempotencyKeyDocument>;

/** Keys are remembered a day, as Stripe does. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 3_600;

export const idempotencyKeyModel = defineModel(
  'IdempotencyKey',
  new Schema<IdempotencyKeyDocument>(
    {
      buyerId: { type: String, required: true },
      operation: { type: String, required: true },
      key: { type: String, required: true },
      fingerprint: { type: String, required: true },
      status: { type: String, required: true },
      resultRef: { type: String, required: true },
      lockedUntil: { type: Date, required: true },
      createdAt: { type: Date, required: true },
    },
    { collection: 'idempotency_keys', versionKey: false },
  ),
  [
    [{ buyerId: 1, operation: 1, key: 1 }, { unique: true }],
    [{ createdAt: 1 }, { expireAfterSeconds: IDEMPOTENCY_KEY_TTL_SECONDS }],
    // Recovery: createOrder claims whose request died.
    [{ status: 1, operation: 1, lockedUntil: 1 }],
  ],
);
