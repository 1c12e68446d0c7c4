import { Schema, type Model, type Types } from 'mongoose';
import { ROLES, type Role } from '@shop/auth';
import { withOutbox, type WithOutbox } from '@shop/events';
import type { Locale } from '@shop/jobs';
import { defineModel } from '@shop/mongo';

export const ACCOUNT_STATUSES = ['ACTIVE', 'LOCKED', 'SUSPENDED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A single-use token sent by mail; only its SHA-256 is stored. */
export interface PendingToken {
  tokenHash: string;
  expiresAt: Date;
  sentAt: Date;
}

export interface UserDocument extends WithOutbox {
  _id: Types.ObjectId;
  /** Lower-cased; unique. */
  email: string;
  passwordHash: string;
  name: string;
  /** E.164. */
  phone?: string;
  roles: Role[];
  emailVerified: boolean;
  status: AccountStatus;
  /** Language of the mails we send. */
  locale?: Locale;
  /** Consecutive failed logins; a success resets it. */
  failedLoginCount?: number;
  /** Set by the failed-login lock; an administrator's lock has none and lasts until lifted. */
  lockedUntil?: Date | null;
  emailVerification?: PendingToken | null;
  passwordReset?: PendingToken | null;
  createdAt: Date;
  updatedAt: Date;
}

const pendingTokenSchema = new Schema<PendingToken>(
  {
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    sentAt: { type: Date, required: true },
  },
  { _id: false },
);

const userSchema = withOutbox(
  new Schema<UserDocument>(
    {
      email: { type: String, required: true, unique: true, lowercase: true, trim: true },
      passwordHash: { type: String, required: true },
      name: { type: String, required: true },
      phone: { type: String },
      roles: { type: [String], enum: ROLES, default: ['CUSTOMER'] },
      emailVerified: { type: Boolean, default: false },
      status: { type: String, enum: ACCOUNT_STATUSES, default: 'ACTIVE' },
      locale: { type: String, enum: ['ko', 'en'], default: 'ko' },
      failedLoginCount: { type: Number, default: 0 },
      lockedUntil: { type: Date },
      emailVerification: { type: pendingTokenSchema },
      passwordReset: { type: pendingTokenSchema },
    },
    { collection: 'users', versionKey: false, timestamps: true },
  ),
);

export type UserModel = Model<UserDocument>;

export const userModel = defineModel('User', userSchema, [
  [{ 'emailVerification.tokenHash': 1 }, { sparse: true }],
  [{ 'passwordReset.tokenHash': 1 }, { sparse: true }],
  // Internal contacts by role (the ADMINs an escalation goes to).
  [{ roles: 1, status: 1 }],
]);
