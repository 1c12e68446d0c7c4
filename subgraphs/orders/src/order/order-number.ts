import { Schema, type Model } from 'mongoose';
import { defineModel } from '@shop/mongo';

/** One counter per Korean calendar day: `_id` is `YYYYMMDD`. */
export interface OrderNumberCounter {
  _id: string;
  seq: number;
}

export type OrderNumberCounterModel = Model<OrderNumberCounter>;

export const orderNumberCounterModel = defineModel(
  'OrderNumberCounter',
  new Schema<OrderNumberCounter>(
    { _id: { type: String, required: true }, seq: { type: Number, required: true } },
    { collection: 'order_number_counters', versionKey: false },
  ),
);

/** Korea has one time zone and no daylight saving: KST is always UTC+9. */
const KST_OFFSET_MS = 9 * 3_600_000;

/** The Korean calendar day of an instant, as `YYYYMMDD`: the day customers see on receipts. */
export function koreanDay(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** `20261123-000042`: the day and its sequence, padded to six digits (longer past a million). */
export function formatOrderNumber(day: string, seq: number): string {
  return `${day}-${String(seq).padStart(6, '0')}`;
}

/**
 * The next order number of the day `at` falls on: one atomic `$inc` on the day's counter,
 * created by the first order of the day, so concurrent orders never share a number.
 */
export async function nextOrderNumber(
  counters: OrderNumberCounterModel,
  at: Date,
): Promise<string> {
  const day = koreanDay(at);
  for (let attempt = 0; ; attempt += 1) {
    try {
      // The counter as it was before this $inc, plus one. (Asking for the new document instead
      // is also atomic on MongoDB, but mongo-java-server returns its live copy after releasing
      // its lock, so two concurrent increments could both read the later value.)
      const before = await counters
        .findOneAndUpdate({ _id: day }, { $inc: { seq: 1 } }, { upsert: true, new: false })
        .lean<OrderNumberCounter>();
      return formatOrderNumber(day, (before?.seq ?? 0) + 1);
    } catch (error) {
      // Two first orders of a day raced to create the counter: the loser increments it now.
      if ((error as { code?: number }).code !== 11000 || attempt >= 2) throw error;
    }
  }
}
