import type { FilterQuery } from 'mongoose';
import { boundedCount, connectionOf } from '@shop/pagination';
import type { ProductCache } from '../cache/product-cache';
import type { ProductSearch } from '../search/product-search';
import { decodePosition, encodePosition } from './product-cursor';
import { mongoQueryOf, parseListingFilter, type ListingFilter } from './product-filter';
import { LISTING_PROJECTION, type ListArgs, type ProductPage } from './product-page';
import {
  mongoAfter,
  mongoSortOf,
  orderOf,
  sortKeysOf,
  sortValueOf,
  type ListingOrder,
} from './product-sort';
import type { ProductDocument, ProductModel } from './product.model';

export class ProductService {
  constructor(
    private readonly products: ProductModel,
    private readonly search: ProductSearch,
    private readonly inStockThreshold: number,
    private readonly cache?: ProductCache,
  ) {}

  /**
   * A page of active products: filters combined with AND, keyset pagination on
   * `(sort key, _id)` with opaque cursors, `first` at most 100 (more is BAD_USER_INPUT, never
   * silently truncated). A search ranks by relevance unless another sort is asked for. First
   * pages of listings are served from the cache while no product changed; searches are not
   * cached: the in-process index answers them and follows changes a moment after the cache is
   * invalidated.
   */
  async list(args: ListArgs): Promise<ProductPage> {
    const first = boundedCount(args.first);
    const filter = parseListingFilter(args.filter);
    const order = orderOf(args.sort, filter.search !== '');
    if (order === 'RELEVANCE' || filter.search) {
      return this.search.page(filter, order, first, args.after);
    }
    if (args.after || !this.cache?.enabled) return this.query(filter, order, first, args.after);
    const key = { filter: args.filter ?? null, sort: args.sort ?? null, first };
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
