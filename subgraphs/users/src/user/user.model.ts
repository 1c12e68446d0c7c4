import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { ROLES, type Role } from '@shop/auth';

export type AccountStatus = 'ACTIVE' | 'LOCKED' | 'SUSPENDED';

export interface UserDocument {
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
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<UserDocument>(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: String },
    roles: { type: [String], enum: ROLES, default: ['CUSTOMER'] },
    emailVerified: { type: Boolean, default: false },
    status: { type: String, enum: ['ACTIVE', 'LOCKED', 'SUSPENDED'], default: 'ACTIVE' },
  },
  { collection: 'users', versionKey: false, timestamps: true },
);

export type UserModel = Model<UserDocument>;

export function userModel(connection: Connection): UserModel {
  return (
    (connection.models['User'] as UserModel | undefined) ?? connection.model('User', userSchema)
  );
}
