import { Schema, type Connection, type Model, type Types } from 'mongoose';

export type ProductStatus = 'ACTIVE' | 'ARCHIVED';

export interface Money {
  amount: number;
  currency: string;
}

export interface ProductDocument {
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
  /** Units in the warehouse and units held by open reservations. */
  stock: { onHand: number; reserved: number };
  createdAt: Date;
  updatedAt: Date;
}

const productSchema = new Schema<ProductDocument>(
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
    },
  },
  { collection: 'products', versionKey: false, timestamps: true },
);

productSchema.index({ status: 1, _id: 1 });
productSchema.index({ status: 1, categoryId: 1, _id: 1 });
productSchema.index({ tags: 1 });
productSchema.index({ 'price.amount': 1 });

export type ProductModel = Model<ProductDocument>;

export function productModel(connection: Connection): ProductModel {
  return (
    (connection.models['Product'] as ProductModel | undefined) ??
    connection.model('Product', productSchema)
  );
}
