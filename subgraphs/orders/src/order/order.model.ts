import { Schema, type Model, type Types } from 'mongoose';
import type { ORDER_STATUSES } from '@shop/contracts';
import { withOutbox, type WithOutbox } from '@shop/events';
import { defineModel } from '@shop/mongo';
import type { ShipmentRecord } from '../shipping/shipment';

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentMethod = 'BALANCE' | 'CARD';

export interface Money {
  amount: number;
  currency: string;
}

/** One product of an order, with its name and price frozen when the order was placed. */
export interface OrderLine {
  productId: string;
  productName: string;
  unitPrice: Money;
  quantity: number;
  /** Units cancelled since (partial cancellation, a later issue); 0 until then. */
  cancelledQuantity: number;
  status: 'ORDERED' | 'CANCELLED';
  /** unitPrice × quantity. */
  lineTotal: Money;
  /** This line's part of the order's discount (coupons, a later issue); 0 until then. */
  discountShare: Money;
}

/** How to reach the buyer, copied from the users service when the order was placed. */
export interface BuyerContact {
  email: string;
  name: string;
  phone: string | null;
  locale: 'ko' | 'en';
}

export interface Address {
  recipient: string;
  phone: string;
  postalCode: string;
  line1: string;
  line2: string | null;
}

/**
 * Where a payment attempt stands in the saga (docs/checkout.md). STARTED: the intent is recorded,
 * money may be moving; UNKNOWN: the PG did not answer in time; CAPTURED: money taken for sure;
 * DONE: the order is PAID; FAILED: declined, the order PAYMENT_FAILED; REFUNDED: money taken
 * but given back because the order could not be completed.
 */
export type PaymentStep = 'STARTED' | 'UNKNOWN' | 'CAPTURED' | 'DONE' | 'FAILED' | 'REFUNDED';
export type PaymentStatus = 'PENDING' | 'APPROVED' | 'DECLINED' | 'REFUNDED' | 'PARTIALLY_REFUNDED';

/** The order's payment attempt, embedded so that its outcome and the order's status are one write. */
export interface PaymentRecord {
  /** The attempt id: the reference of its balance entry and the PG's Idempotency-Key. */
  id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  step: PaymentStep;
  /** The idempotency claim of the payOrder call that started it; its retry resumes it. */
  claimId: string | null;
  amount: Money;
  refunded: Money;
  failureCode: string | null;
  failureMessage: string | null;
  approvedAt: Date | null;
  /** The PG's key of a card payment. */
  paymentKey: string | null;
  startedAt: Date;
  /** Last step change; recovery takes over attempts that sit too long in one step. */
  updatedAt: Date;
}

/** An attempt recovery dropped before any money moved; kept for the record. */
export interface AbandonedPayment {
  id: string;
  method: PaymentMethod;
  at: Date;
  reason: string;
}

export interface StatusChange {
  status: OrderStatus;
  at: Date;
  /** A user id, or `system`. */
  by: string;
  reason: string | null;
}

/** The order's stock reservation at the products subgraph, as far as this order knows. */
export interface ReservationState {
  /** RELEASING: the order ended unpaid and its units are being given back. */
  status: 'HELD' | 'COMMITTED' | 'RELEASING' | 'RELEASED';
  expiresAt: Date;
}

export interface Cancellation {
  /** The cancellation (one call) this line's entry belongs to: the refund saga's key. */
  cancellationId?: string;
  productId: string;
  quantity: number;
  refund: Money;
  reason: string;
  cancelledBy: string;
  at: Date;
}

/**
 * One cancellation's refund and restock saga (docs/fulfilment.md), written with the
 * cancellation itself: `refund` and `restock` are PENDING until their step is done; each step
 * is idempotent by `id`, so the recovery loop may repeat a step a crash interrupted.
 */
export interface RefundRecord {
  /** The cancellation id: ledger reference `refund:<id>`, PG Idempotency-Key `cancel-<id>`. */
  id: string;
  amount: Money;
  lines: Array<{ productId: string; quantity: number }>;
  refund: 'PENDING' | 'DONE';
  restock: 'PENDING' | 'DONE';
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderDocument extends WithOutbox {
  _id: Types.ObjectId;
  /** `YYYYMMDD-` (Korean date) and the day's sequence, zero-padded: `20261123-000042`. */
  number: string;
  buyerId: string;
  buyerContact: BuyerContact;
  /** CART: the buyer's cart was ordered, and its lines leave the cart once paid. */
  source: 'CART' | 'ITEMS';
  status: OrderStatus;
  lines: OrderLine[];
  subtotal: Money;
  shippingFee: Money;
  discount: Money;
  total: Money;
  refunded: Money;
  couponId: string | null;
  shippingAddress: Address;
  payment: PaymentRecord | null;
  abandonedPayments: AbandonedPayment[];
  /** Until then, the reconciler checks that the PG holds no approval this order did not keep. */
  lateApprovalCheckUntil: Date | null;
  /** The parcel (`shipping/shipment.ts`); null until shipped. */
  shipment: ShipmentRecord | null;
  cancellations: Cancellation[];
  /** Refund and restock sagas of cancellations of the paid order, oldest first. */
  refunds?: RefundRecord[];
  history: StatusChange[];
  /** Unpaid at this time, the order is cancelled and its stock released. */
  payBy: Date;
  reservation: ReservationState;
  /** PENDING: the paid order's lines still have to leave the buyer's cart. */
  cartCleanup: 'NONE' | 'PENDING' | 'DONE';
  /**
   * How many sequenced events the order wrote (`sequence` of its events): raised with `$inc`
   * in the same conditional update as every change that writes one. Absent on older orders.
   */
  eventSequence?: number;
  createdAt: Date;
  updatedAt: Date;
}

const money = {
  amount: { type: Number, required: true },
  currency: { type: String, required: true },
};
const sub = <T>(definition: Record<string, unknown>) =>
  new Schema<T>(definition, { _id: false, versionKey: false });

const lineSchema = sub<OrderLine>({
  productId: { type: String, required: true },
  productName: { type: String, required: true },
  unitPrice: money,
  quantity: { type: Number, required: true },
  cancelledQuantity: { type: Number, default: 0 },
  status: { type: String, default: 'ORDERED' },
  lineTotal: money,
  discountShare: money,
});

const paymentSchema = sub<PaymentRecord>({
  id: { type: String, required: true },
  method: { type: String, required: true },
  status: { type: String, required: true },
  step: { type: String, required: true },
  claimId: { type: String, default: null },
  amount: money,
  refunded: money,
  failureCode: { type: String, default: null },
  failureMessage: { type: String, default: null },
  approvedAt: { type: Date, default: null },
  paymentKey: { type: String, default: null },
  startedAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
});

const orderSchema = withOutbox(
  new Schema<OrderDocument>(
    {
      number: { type: String, required: true },
      buyerId: { type: String, required: true },
      buyerContact: sub<BuyerContact>({
        email: String,
        name: String,
        phone: { type: String, default: null },
        locale: String,
      }),
      source: { type: String, required: true },
      status: { type: String, required: true },
      lines: { type: [lineSchema], required: true },
      subtotal: money,
      shippingFee: money,
      discount: money,
      total: money,
      refunded: money,
      couponId: { type: String, default: null },
      shippingAddress: sub<Address>({
        recipient: String,
        phone: String,
        postalCode: String,
        line1: String,
        line2: { type: String, default: null },
      }),
      payment: { type: paymentSchema, default: null },
      abandonedPayments: {
        type: [sub<AbandonedPayment>({ id: String, method: String, at: Date, reason: String })],
        default: [],
      },
      lateApprovalCheckUntil: { type: Date, default: null },
      shipment: { type: Schema.Types.Mixed, default: null },
      cancellations: {
        type: [
          sub<Cancellation>({
            cancellationId: String,
            productId: String,
            quantity: Number,
            refund: money,
            reason: String,
            cancelledBy: String,
            at: Date,
          }),
        ],
        default: [],
      },
      refunds: {
        type: [
          sub<RefundRecord>({
            id: String,
            amount: money,
            lines: [sub({ productId: String, quantity: Number })],
            refund: String,
            restock: String,
            createdAt: Date,
            updatedAt: Date,
          }),
        ],
        default: [],
      },
      history: {
        type: [sub<StatusChange>({ status: String, at: Date, by: String, reason: String })],
        default: [],
      },
      payBy: { type: Date, required: true },
      reservation: sub<ReservationState>({ status: String, expiresAt: Date }),
      cartCleanup: { type: String, default: 'NONE' },
      eventSequence: { type: Number, default: 0 },
    },
    { collection: 'orders', versionKey: false, timestamps: true },
  ),
);

export type OrderModel = Model<OrderDocument>;

export const orderModel = defineModel('Order', orderSchema, [
  [{ number: 1 }, { unique: true }],
  // myOrders and User.orders: a buyer's orders, newest first.
  [{ buyerId: 1, createdAt: -1, _id: -1 }],
  // orders(filter) for staff, newest first.
  [{ createdAt: -1, _id: -1 }],
  // The timeout sweeper: unpaid orders past payBy.
  [{ status: 1, payBy: 1 }],
  // Recovery: attempts sitting in one step, reservations to give back, carts to clean.
  [{ 'payment.step': 1, 'payment.updatedAt': 1 }],
  [{ 'reservation.status': 1 }],
  [{ cartCleanup: 1 }],
  [{ lateApprovalCheckUntil: 1 }],
  // Recovery of cancellations whose refund or restock a crash interrupted.
  [{ 'refunds.refund': 1 }],
  [{ 'refunds.restock': 1 }],
  // The carrier's webhook finds the order by its parcel; a tracking number is used once.
  [{ 'shipment.trackingNumber': 1 }, { unique: true, sparse: true }],
]);
