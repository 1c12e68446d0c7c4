import { Schema, type Model } from 'mongoose';
import { defineModel } from '@shop/mongo';

/** Units of one product sold on one UTC day, built from order events. */
export interface SalesBucketDocument {
  /** `<productId>:<YYYY-MM-DD>` */
  _id: string;
  productId: string;
  day: Date;
  units: number;
  /** Recent event ids applied to this bucket, so a redelivered event is not counted twice. */
  events: string[];
}

const salesBucketSchema = new Schema<SalesBucketDocument>(
  {
    _id: { type: String, required: true },
    productId: { type: String, required: true },
    day: { type: Date, required: true },
    units: { type: Number, required: true, default: 0 },
    events: { type: [String], default: [] },
  },
  { collection: 'sales_buckets', versionKey: false },
);

export type SalesBucketModel = Model<SalesBucketDocument>;

export const salesBucketModel = defineModel('SalesBucket', salesBucketSchema, [
  [{ day: 1, productId: 1 }],
]);
