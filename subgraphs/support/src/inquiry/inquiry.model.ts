import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';

export type InquiryStatus = 'OPEN' | 'IN_PROGRESS' | 'WAITING_FOR_CUSTOMER' | 'RESOLVED' | 'CLOSED';
export type InquiryCategory = 'ORDER' | 'DELIVERY' | 'PRODUCT' | 'PAYMENT' | 'ACCOUNT' | 'OTHER';

export interface InquiryDocument {
  _id: Types.ObjectId;
  userId: string;
  subject: string;
  category: InquiryCategory;
  status: InquiryStatus;
  createdAt: Date;
  updatedAt: Date;
}

const inquirySchema = new Schema<InquiryDocument>(
  {
    userId: { type: String, required: true },
    subject: { type: String, required: true },
    category: { type: String, required: true },
    status: { type: String, required: true, default: 'OPEN' },
  },
  { collection: 'inquiries', versionKey: false, timestamps: true },
);

export type InquiryModel = Model<InquiryDocument>;

export const inquiryModel = defineModel('Inquiry', inquirySchema, [
  [{ userId: 1, createdAt: -1 }],
  [{ status: 1, createdAt: 1 }],
]);
