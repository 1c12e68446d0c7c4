import { Schema, type Model, type Types } from 'mongoose';
import { withOutbox, type WithOutbox } from '@shop/events';
import { defineModel } from '@shop/mongo';

/** A verified buyer's review of one line of a delivered order. */
export interface ReviewDocument extends WithOutbox {
  _id: Types.ObjectId;
  orderId: string;
  productId: string;
  buyerId: string;
  /** Display name only, from the order's contact. */
  authorName: string;
  rating: number;
  /** Plain text: HTML was stripped before it was stored. */
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

const reviewSchema = withOutbox(
  new Schema<ReviewDocument>(
    {
      orderId: { type: String, required: true },
      productId: { type: String, required: true },
      buyerId: { type: String, required: true },
      authorName: { type: String, required: true },
      rating: { type: Number, required: true },
      body: { type: String, required: true },
    },
    { collection: 'reviews', versionKey: false, timestamps: true },
  ),
);

export type ReviewModel = Model<ReviewDocument>;

export const reviewModel = defineModel('Review', reviewSchema, [
  // Once per order line: a second review of it is a duplicate key, whoever races.
  [{ orderId: 1, productId: 1 }, { unique: true }],
  // Product.reviews (newest first, ids grow with time) and Product.rating, per product.
  [{ productId: 1, _id: -1 }],
]);
