import { createByIdLoader } from '@shop/mongo';
import type { CategoryDocument, CategoryModel } from '../category/category.model';
import type { ProductDocument, ProductModel } from './product.model';

/** Per-request loaders: one query per batch of product or category ids. */
export function createProductLoaders(products: ProductModel, categories: CategoryModel) {
  return {
    productById: createByIdLoader((ids) =>
      products.find({ _id: { $in: ids } }).lean<ProductDocument[]>(),
    ),
    categoryById: createByIdLoader((ids) =>
      categories.find({ _id: { $in: ids } }).lean<CategoryDocument[]>(),
    ),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
