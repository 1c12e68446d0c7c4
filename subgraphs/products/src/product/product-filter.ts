import { Types, type FilterQuery } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import type { ProductFilter } from '../__generated__/resolvers-types';
import type { ProductDocument } from './product.model';
import { availableRangeOf, stockStatusOf, type StockStatus } from './stock-status';

const MAX_TAGS = 20;
export const MAX_SEARCH_LENGTH = 200;

/** A listing filter, checked and normalised once; both the database and the index apply it. */
export interface ListingFilter {
  categoryId: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  stockStatuses: StockStatus[];
  /** Lower-cased. */
  tags: string[];
  /** Trimmed; empty when not searching. */
  search: string;
}

/** What a filter looks at in a product, as the search index keeps it. */
export interface FilterableProduct {
  active: boolean;
  categoryId: string;
  price: number;
  available: number;
  tags: readonly string[];
}

/** Checks and normalises a client's filter; malformed values are BAD_USER_INPUT naming the field. */
export function parseListingFilter(filter: ProductFilter | null | undefined): ListingFilter {
  const { minPrice = null, maxPrice = null, categoryId = null } = filter ?? {};
  if (categoryId != null && !isObjectIdString(categoryId)) {
    throw new BadUserInputError('categoryId is not a category id', 'categoryId');
  }
  if ((minPrice ?? 0) < 0) throw new BadUserInputError('minPrice cannot be negative', 'minPrice');
  if ((maxPrice ?? 0) < 0) throw new BadUserInputError('maxPrice cannot be negative', 'maxPrice');
  if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
    throw new BadUserInputError('minPrice cannot be above maxPrice', 'minPrice');
  }
  if ((filter?.tags?.length ?? 0) > MAX_TAGS) {
    throw new BadUserInputError(`At most ${MAX_TAGS} tags`, 'tags');
  }
  if ((filter?.search?.length ?? 0) > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`search is limited to ${MAX_SEARCH_LENGTH} characters`, 'search');
  }
  return {
    categoryId: categoryId?.toLowerCase() ?? null,
    minPrice,
    maxPrice,
    stockStatuses: [...new Set(filter?.stockStatus ?? [])],
    tags: (filter?.tags ?? []).map((tag) => tag.trim().toLowerCase()),
    search: filter?.search?.trim() ?? '',
  };
}

/** The MongoDB query of a filter (search aside): active products, every condition with AND. */
export function mongoQueryOf(
  filter: ListingFilter,
  inStockThreshold: number,
): FilterQuery<ProductDocument> {
  const query: FilterQuery<ProductDocument> = { status: 'ACTIVE' };
  if (filter.categoryId) query.categoryId = new Types.ObjectId(filter.categoryId);
  if (filter.tags.length) query.tags = { $all: filter.tags };
  if (filter.minPrice != null || filter.maxPrice != null) {
    query['price.amount'] = {
      ...(filter.minPrice != null ? { $gte: filter.minPrice } : {}),
      ...(filter.maxPrice != null ? { $lte: filter.maxPrice } : {}),
    };
  }
  if (filter.stockStatuses.length) {
    query.$or = filter.stockStatuses.map((status) => ({
      'stock.available': availableRangeOf(status, inStockThreshold),
    }));
  }
  return query;
}

/** The same conditions as {@link mongoQueryOf}, on a product the search index holds. */
export function matchesFilter(
  product: FilterableProduct,
  filter: ListingFilter,
  inStockThreshold: number,
): boolean {
  if (!product.active) return false;
  if (filter.categoryId && product.categoryId !== filter.categoryId) return false;
  if (filter.minPrice != null && product.price < filter.minPrice) return false;
  if (filter.maxPrice != null && product.price > filter.maxPrice) return false;
  if (
    filter.stockStatuses.length &&
    !filter.stockStatuses.includes(stockStatusOf(product.available, inStockThreshold))
  ) {
    return false;
  }
  return filter.tags.every((tag) => product.tags.includes(tag));
}
