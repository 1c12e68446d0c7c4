import { Schema, type Model, type Types } from 'mongoose';
import { withOutbox, type WithOutbox } from '@shop/events';
import { defineModel } from '@shop/mongo';

export type ProductStatus = 'ACTIVE' | 'ARCHIVED';

export interface Money {
  amount: number;
  currency: string;
}

/** Units an open reservation holds on this product; written in the same update as the counts. */
export interface StockHold {
  orderId: string;
  quantity: number;
  expiresAt: Date;
}

export interface ProductStock {
  /** Units in the warehouse. */
  onHand: number;
  /** Units held by open reservations. */
  reserved: number;
  /**
   * `onHand - reserved`, stored so reservations can be one conditional `$inc`
   * (`available >= quantity`) and stock-status filters can use an index.
   */
  available: number;
}

export interface ProductDocument extends WithOutbox {
  _id: Types.ObjectId;
  sku: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  price: Money;
  images: string[];
  categoryId: Types.ObjectId;
  tags: string[];
  status: ProductStatus;
  /** The SELLER who owns the listing; absent for the shop's own products. */
  sellerId?: string;
  stock: ProductStock;
  holds?: StockHold[];
  /** Keys (`orderId:restockId`) of cancellations whose units came back: a restock applies once. */
  restocks?: string[];
  /** Units sold over the last 3 days, refreshed from order events; the POPULAR sort key. */
  popularity?: number;
  createdAt: Date;
  updatedAt: Date;
}

const productSchema = withOutbox(
  new Schema<ProductDocument>(
    {
      sku: { type: String, required: true, unique: true },
      name: { type: String, required: true },
      nameEn: { type: String, required: true },
      description: { type: String, required: true },
      descriptionEn: { type: String, required: true },
      price: {
        amount: { type: Number, required: true, min: 0 },
        currency: { type: String, required: true, default: 'KRW' },
      },
      images: { type: [String], default: [] },
      categoryId: { type: Schema.Types.ObjectId, required: true },
      tags: { type: [String], default: [] },
      status: { type: String, enum: ['ACTIVE', 'ARCHIVED'], default: 'ACTIVE' },
      sellerId: { type: String },
      stock: {
        onHand: { type: Number, required: true, min: 0, default: 0 },
        reserved: { type: Number, required: true, min: 0, default: 0 },
        available: { type: Number, required: true, default: 0 },
      },
      holds: {
        type: [
          new Schema<StockHold>(
            {
              orderId: { type: String, required: true },
              quantity: { type: Number, required: true },
              expiresAt: { type: Date, required: true },
            },
            { _id: false },
          ),
        ],
        default: undefined,
      },
      restocks: { type: [String], default: undefined },
      popularity: { type: Number, default: 0 },
    },
    { collection: 'products', versionKey: false, timestamps: true },
  ),
);

export type ProductModel = Model<ProductDocument>;

export const productModel = defineModel('Product', productSchema, [
  // Keyset pagination: one index per sort, (status, sort key, _id), and the same behind a
  // category filter, the most common listing.
  [{ status: 1, _id: 1 }],
  [{ status: 1, createdAt: -1, _id: -1 }],
  [{ status: 1, 'price.amount': 1, _id: 1 }],
  [{ status: 1, name: 1, _id: 1 }],
  [{ status: 1, popularity: -1, _id: -1 }],
  [{ status: 1, categoryId: 1, _id: 1 }],
  [{ status: 1, categoryId: 1, createdAt: -1, _id: -1 }],
  [{ status: 1, categoryId: 1, 'price.amount': 1, _id: 1 }],
  // Filters without a sort of their own.
  [{ tags: 1, status: 1 }],
  [{ status: 1, 'stock.available': 1 }],
  [{ sellerId: 1 }, { sparse: true }],
  // The sweeper's safety net: holds left behind after their reservation was settled.
  [{ 'holds.expiresAt': 1 }, { sparse: true }],
]);
