import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';

export const LOGIN_OUTCOMES = [
  'SUCCESS',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'SUSPENDED',
  'RATE_LIMITED',
] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

/** One login attempt, kept for audit and for investigating credential stuffing. */
export interface LoginAttemptDocument {
  _id: Types.ObjectId;
  /** Null when the email matched no account. */
  userId: Types.ObjectId | null;
  email: string;
  ip: string;
  userAgent: string;
  outcome: LoginOutcome;
  at: Date;
}

const loginAttemptSchema = new Schema<LoginAttemptDocument>(
  {
    userId: { type: Schema.Types.ObjectId, default: null },
    email: { type: String, required: true },
    ip: { type: String, required: true },
    userAgent: { type: String, default: '' },
    outcome: { type: String, enum: LOGIN_OUTCOMES, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'login_attempts', versionKey: false },
);

export type LoginAttemptModel = Model<LoginAttemptDocument>;

export const loginAttemptModel = defineModel('LoginAttempt', loginAttemptSchema, [
  [{ userId: 1, at: -1 }],
  [{ ip: 1, at: -1 }],
]);
