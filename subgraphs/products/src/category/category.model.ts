import { Schema, type Model, type Types } from 'mongoose';
import { defineModel } from '@shop/mongo';

export interface CategoryDocument {
  _id: Types.ObjectId;
  name: string;
  nameEn: string;
  slug: string;
}

const categorySchema = new Schema<CategoryDocument>(
  {
    name: { type: String, required: true },
    nameEn: { type: String, required: true },
    slug: { type: String, required: true, unique: true },
  },
  { collection: 'categories', versionKey: false },
);

export type CategoryModel = Model<CategoryDocument>;

export const categoryModel = defineModel('Category', categorySchema);
