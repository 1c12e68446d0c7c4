import { Schema, type Model } from 'mongoose';
import { defineModel } from '@shop/mongo';

/** A sequence: one document per day of inquiry numbers. */
export interface InquiryCounterDocument {
  /** `inquiry-<yyyymmdd>`. */
  _id: string;
  seq: number;
}

const counterSchema = new Schema<InquiryCounterDocument>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } },
  { collection: 'inquiry_counters', versionKey: false },
);

export type InquiryCounterModel = Model<InquiryCounterDocument>;

export const inquiryCounterModel = defineModel('InquiryCounter', counterSchema);
