import type { Connection } from 'mongoose';
import { categoryModel } from './category/category.model';
import { reservationModel } from './inventory/reservation.model';
import { salesBucketModel } from './popularity/sales.model';
import { productModel } from './product/product.model';

/** The catalog's collections: products (with their outbox), categories, reservations, sales. */
export function productsModels(connection: Connection) {
  return {
    products: productModel(connection),
    categories: categoryModel(connection),
    reservations: reservationModel(connection),
    sales: salesBucketModel(connection),
  };
}

export type ProductsModels = ReturnType<typeof productsModels>;
