import type { FilterQuery } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import type { ProductFilter, ProductSort } from '../__generated__/resolvers-types';
import type { ProductCache } from '../cache/product-cache';
import type { ProductSearch } from '../search/product-search';
import { decodeCursor, encodeCursor } from './product-cursor';
import { filterQueryOf } from './product-filter';
import { afterPosition, listingOrderOf, positionOf, sortOf } from './product-sort';
import type { ProductDocument, ProductModel } from './product.model';

export const MAX_PAGE_SIZE = 100;

/** Fields a listing never needs: stock holds and pending events. */
export const LISTING_PROJECTION = { holds: 0, outbox: 0 } as const;

export interface ProductPage {
  edges: Array<{ cursor: string; node: ProductDocument }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface ListArgs {
  filter?: ProductFilter | null;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
}

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
}

/** Builds a page from `first + 1` rows: the extra row only says whether there is a next page. */
export function pageOf<Row extends ProductDocument>(
  rows: Row[],
  first: number,
  totalCount: number,
  cursorOf: (row: Row) => string,
): ProductPage {
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

export class ProductService {
  constructor(
    private readonly products: ProductModel,
    private readonly search: ProductSearch,
    private readonly inStockThreshold: number,
    private readonly cache?: ProductCache,
  ) {}

  /**
   * {@link ProductService.query}, with first pages (no `after`) of listings served from the
   * cache while no product changed. Searches are not cached: the in-process index answers them
   * and follows changes a moment after the cache is invalidated.
   */
  async list(args: ListArgs): Promise<ProductPage> {
    if (args.after || args.filter?.search?.trim() || !this.cache?.enabled) return this.query(args);
    const key = { filter: args.filter ?? null, sort: args.sort ?? null, first: args.first ?? 20 };
    return this.cache.page(key, () => this.query(args));
  }

  /**
   * A page of active products: filters combined with AND, keyset pagination on
   * `(sort key, _id)` with opaque cursors, `first` at most {@link MAX_PAGE_SIZE}
   * (more is BAD_USER_INPUT, never silently truncated). A search ranks by relevance unless
   * another sort is asked for.
   */
  async query({ filter, sort, first = 20, after }: ListArgs): Promise<ProductPage> {
    const size = first ?? 20;
    checkPageSize(size);
    const query = filterQueryOf(filter ?? {}, this.inStockThreshold);
    const terms = filter?.search?.trim();
    if (terms) return this.search.page(terms, filter ?? {}, sort, size, after);
    const order = listingOrderOf(sort);
    const pageQuery: FilterQuery<ProductDocument> = after
      ? { $and: [query, afterPosition(order, decodeCursor(after, order))] }
      : query;
    const [rows, totalCount] = await Promise.all([
      this.products
        .find(pageQuery, LISTING_PROJECTION)
        .sort(sortOf(order))
        .limit(size + 1)
        .lean<ProductDocument[]>(),
      this.products.countDocuments(query),
    ]);
    return pageOf(rows, size, totalCount, (row) => encodeCursor(positionOf(order, row)));
  }
}
