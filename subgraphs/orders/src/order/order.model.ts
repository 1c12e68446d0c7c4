import { Schema, type Model, type Types } from 'mongoose';
import { withOutbox, type WithOutbox } from '@shop/events';
import { defineModel } from '@shop/mongo';

export type OrderStatus =
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'PREPARING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'PARTIALLY_CANCELLED'
  | 'REFUNDED';

export interface OrderDocument extends WithOutbox {
  _id: Types.ObjectId;
  number: string;
  userId: string;
  status: OrderStatus;
  total: { amount: number; currency: string };
  createdAt: Date;
  updatedAt: Date;
}

const orderSchema = withOutbox(
  new Schema<OrderDocument>(
    {
      number: { type: String, required: true, unique: true },
      userId: { type: String, required: true },
      status: { type: String, required: true, default: 'PENDING_PAYMENT' },
      total: {
        amount: { type: Number, required: true, min: 0 },
        currency: { type: String, required: true, default: 'KRW' },
      },
    },
    { collection: 'orders', versionKey: false, timestamps: true },
  ),
);

export type OrderModel = Model<OrderDocument>;

export const orderModel = defineModel('Order', orderSchema, [[{ userId: 1, createdAt: -1 }]]);
