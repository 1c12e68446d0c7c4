import { Schema, type Model } from 'mongoose';
import { defineModel } from '@shop/mongo';
import type { RESERVATION_STATUSES, ReservationLine } from '@shop/contracts';
import type { ErrorCode } from '@shop/errors';

export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Why a reservation was refused, replayed to a retry of the same order id. */
export interface ReservationRefusal {
  code: ErrorCode;
  message: string;
  productId: string;
  available?: number;
}

/**
 * One order's stock reservation: the saga record. The units themselves are held on each
 * product (`holds`), written atomically with the counts; this document says what should happen
 * to them. `settled` is false while the holds may not yet match the status (a crash between the
 * status change and the product updates), and the sweeper finishes such reservations.
 */
export interface ReservationDocument {
  /** The order id: the unique key that makes every operation idempotent. */
  _id: string;
  status: ReservationStatus;
  lines: ReservationLine[];
  expiresAt: Date;
  settled: boolean;
  refusal?: ReservationRefusal;
  createdAt: Date;
  updatedAt: Date;
}

const reservationSchema = new Schema<ReservationDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    lines: {
      type: [
        new Schema(
          {
            productId: { type: String, required: true },
            quantity: { type: Number, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    expiresAt: { type: Date, required: true },
    settled: { type: Boolean, required: true, default: false },
    refusal: { type: Schema.Types.Mixed },
  },
  { collection: 'reservations', versionKey: false, timestamps: true },
);

export type ReservationModel = Model<ReservationDocument>;

export const reservationModel = defineModel('Reservation', reservationSchema, [
  [{ status: 1, expiresAt: 1 }],
  [{ settled: 1, updatedAt: 1 }],
]);
