import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';

/** CHARGE: a top-up; PAYMENT: an order paid; REFUND: money given back; VOID: a fence, no money. */
export type EntryKind = 'CHARGE' | 'PAYMENT' | 'REFUND' | 'VOID';

/** One change of a user's balance, numbered in the order it was applied. */
export interface BalanceEntryRecord {
  /** 1, 2, 3…: the entry's place in the user's history. */
  seq: number;
  /** What the entry is for, unique per user: `payment:<attemptId>`, `charge:<claimId>`… */
  reference: string;
  kind: EntryKind;
  /** Signed, in minor units: negative for a PAYMENT. */
  amount: number;
  balanceAfter: number;
  orderId: string | null;
  at: Date;
}

/**
 * A user's balance: what is available, how many entries made it, and the newest entry, written
 * in the same update as the change so no entry can be lost (it is copied to the ledger before
 * the next change may overwrite it).
 */
export interface BalanceDocument {
  /** The user id. */
  _id: string;
  available: number;
  currency: string;
  seq: number;
  last: BalanceEntryRecord | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BalanceEntryDocument extends BalanceEntryRecord {
  _id: Types.ObjectId;
  userId: string;
  currency: string;
}

const entryFields = {
  seq: { type: Number, required: true },
  reference: { type: String, required: true },
  kind: { type: String, required: true },
  amount: { type: Number, required: true },
  balanceAfter: { type: Number, required: true },
  orderId: { type: String, default: null },
  at: { type: Date, required: true },
};

export type BalanceModel = Model<BalanceDocument>;
export type BalanceEntryModel = Model<BalanceEntryDocument>;

export const balanceModel = defineModel(
  'Balance',
  new Schema<BalanceDocument>(
    {
      _id: { type: String, required: true },
      available: { type: Number, required: true, min: 0 },
      currency: { type: String, required: true },
      seq: { type: Number, required: true },
      last: {
        type: new Schema<BalanceEntryRecord>(entryFields, { _id: false }),
        default: null,
      },
    },
    { collection: 'balances', versionKey: false, timestamps: true },
  ),
);

export const balanceEntryModel = defineModel(
  'BalanceEntry',
  new Schema<BalanceEntryDocument>(
    { ...entryFields, userId: { type: String, required: true }, currency: String },
    { collection: 'balance_entries', versionKey: false },
  ),
  [
    // One entry per purpose: a saga step repeated after a crash cannot write a second one.
    [{ userId: 1, reference: 1 }, { unique: true }],
    // One entry per place in the history; also the newest-first read.
    [{ userId: 1, seq: -1 }, { unique: true }],
  ],
);
