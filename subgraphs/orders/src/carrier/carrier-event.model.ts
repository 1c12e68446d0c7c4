import { Schema, type Model } from 'mongoose';
import { defineModel } from '@shop/mongo';

/** What became of a carrier webhook. */
export type CarrierEventOutcome = 'APPLIED' | 'LATE' | 'DUPLICATE' | 'UNKNOWN_TRACKING';

/**
 * Every carrier event received, by event id (the carrier's): the record of what came in and
 * what it did, also for unknown tracking numbers (kept so a parcel registered late can be
 * looked into). `received` counts deliveries of the same event.
 */
export interface CarrierEventDocument {
  _id: string;
  trackingNumber: string;
  status: string;
  occurredAt: Date;
  orderId: string | null;
  outcome: CarrierEventOutcome;
  received: number;
  createdAt: Date;
  updatedAt: Date;
}

const carrierEventSchema = new Schema<CarrierEventDocument>(
  {
    _id: { type: String, required: true },
    trackingNumber: { type: String, required: true },
    status: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    orderId: { type: String, default: null },
    outcome: { type: String, required: true },
    received: { type: Number, default: 1 },
  },
  { collection: 'carrier_events', versionKey: false, timestamps: true },
);

export type CarrierEventModel = Model<CarrierEventDocument>;

export const carrierEventModel = defineModel('CarrierEvent', carrierEventSchema, [
  [{ trackingNumber: 1, createdAt: -1 }],
]);
