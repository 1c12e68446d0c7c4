import { Types, type FilterQuery } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import type { ProductFilter } from '../__generated__/resolvers-types';
import type { ProductDocument } from './product.model';
import { availableRangeOf } from './stock-status';

const MAX_TAGS = 20;
export const MAX_SEARCH_LENGTH = 200;

function priceRange(filter: ProductFilter): FilterQuery<ProductDocument> {
  const { minPrice, maxPrice } = filter;
  if (minPrice == null && maxPrice == null) return {};
  if ((minPrice ?? 0) < 0) throw new BadUserInputError('minPrice cannot be negative', 'minPrice');
  if ((maxPrice ?? 0) < 0) throw new BadUserInputError('maxPrice cannot be negative', 'maxPrice');
  if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
    throw new BadUserInputError('minPrice cannot be above maxPrice', 'minPrice');
  }
  return {
    'price.amount': {
      ...(minPrice != null ? { $gte: minPrice } : {}),
      ...(maxPrice != null ? { $lte: maxPrice } : {}),
    },
  };
}

function stockRange(filter: ProductFilter, inStockThreshold: number) {
  const statuses = [...new Set(filter.stockStatus ?? [])];
  if (!statuses.length) return {};
  return {
    $or: statuses.map((status) => ({
      'stock.available': availableRangeOf(status, inStockThreshold),
    })),
  };
}

/**
 * The MongoDB query of a listing filter (search aside): active products, every given
 * condition combined with AND. Malformed values are BAD_USER_INPUT naming the field.
 */
export function filterQueryOf(
  filter: ProductFilter,
  inStockThreshold: number,
): FilterQuery<ProductDocument> {
  const query: FilterQuery<ProductDocument> = { status: 'ACTIVE' };
  if (filter.categoryId != null) {
    if (!isObjectIdString(filter.categoryId)) {
      throw new BadUserInputError('categoryId is not a category id', 'categoryId');
    }
    query.categoryId = new Types.ObjectId(filter.categoryId);
  }
  if (filter.tags?.length) {
    if (filter.tags.length > MAX_TAGS) {
      throw new BadUserInputError(`At most ${MAX_TAGS} tags`, 'tags');
    }
    query.tags = { $all: filter.tags.map((tag) => tag.trim().toLowerCase()) };
  }
  if ((filter.search?.length ?? 0) > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`search is limited to ${MAX_SEARCH_LENGTH} characters`, 'search');
  }
  return { ...query, ...priceRange(filter), ...stockRange(filter, inStockThreshold) };
}
