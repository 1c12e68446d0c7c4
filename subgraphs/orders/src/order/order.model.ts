import { Schema, type Connection, type Model, type Types } from 'mongoose';

export type OrderStatus =
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'PREPARING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'PARTIALLY_CANCELLED'
  | 'REFUNDED';

export interface OrderDocument {
  _id: Types.ObjectId;
  number: string;
  userId: string;
  status: OrderStatus;
  total: { amount: number; currency: string };
  createdAt: Date;
  updatedAt: Date;
}

const orderSchema = new Schema<OrderDocument>(
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
);

orderSchema.index({ userId: 1, createdAt: -1 });

export type OrderModel = Model<OrderDocument>;

export function orderModel(connection: Connection): OrderModel {
  return (
    (connection.models['Order'] as OrderModel | undefined) ?? connection.model('Order', orderSchema)
  );
}
