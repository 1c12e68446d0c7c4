import { Schema, type Connection, type Model, type Types } from 'mongoose';

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

export function categoryModel(connection: Connection): CategoryModel {
  return (
    (connection.models['Category'] as CategoryModel | undefined) ??
    connection.model('Category', categorySchema)
  );
}
