import type { FilterQuery } from 'mongoose';
import { connectionOf } from '@shop/pagination';
import type { ProductCache } from '../cache/product-cache';
import { decodePosition, encodePosition } from '../product/product-cursor';
import { mongoQueryOf, type ListingFilter } from '../product/product-filter';
import { LISTING_PROJECTION, type ProductPage } from '../product/product-page';
import {
  mongoAfter,
  mongoSortOf,
  sortKeysOf,
  sortValueOf,
  type ListingOrder,
} from '../product/product-sort';
import type { ProductDocument, ProductModel } from '../product/product.model';
import type { CatalogListing } from './catalog-listing';

/**
 * Listing pages queried from MongoDB on the `(status, sort key, _id)` indexes, first pages
 * cached in Redis while no product changed. The choice of deployments that would rather not
 * hold the catalog in every process, and the fallback while the read model is being built.
 */
export class MongoCatalogListing implements CatalogListing {
  constructor(
    private readonly products: ProductModel,
    private readonly inStockThreshold: number,
    private readonly cache?: ProductCache,
  ) {}

  async page(
    filter: ListingFilter,
    order: ListingOrder,
    first: number,
    after: string | null | undefined,
  ): Promise<ProductPage> {
    if (after || !this.cache?.enabled) return this.query(filter, order, first, after);
    const key = { filter, order, first };
    return this.cache.page(key, () => this.query(filter, order, first, null));
  }

  private async query(
    filter: ListingFilter,
    order: ListingOrder,
    first: number,
    after: string | null | undefined,
  ): Promise<ProductPage> {
    const query = mongoQueryOf(filter, this.inStockThreshold);
    const position = after ? decodePosition(after, order) : null;
    const pageQuery: FilterQuery<ProductDocument> = position
      ? { $and: [query, mongoAfter(order, position.value, position.id)] }
      : query;
    const [rows, totalCount] = await Promise.all([
      this.products
        .find(pageQuery, LISTING_PROJECTION)
        .sort(mongoSortOf(order))
        .limit(first + 1)
        .lean<ProductDocument[]>(),
      this.products.countDocuments(query),
    ]);
    return connectionOf(rows, first, totalCount, (row) =>
      encodePosition({ order, value: sortValueOf(order, sortKeysOf(row)), id: row._id }),
    );
  }
}
