import { Types, type FilterQuery } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import type { ProductDocument, ProductModel } from './product.model';
import { decodeCursor, encodeCursor } from './product-cursor';

export const MAX_PAGE_SIZE = 100;

export interface ProductListFilter {
  categoryId?: string | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  tags?: string[] | null;
}

export interface ProductPage {
  edges: Array<{ cursor: string; node: ProductDocument }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export class ProductService {
  constructor(private readonly products: ProductModel) {}

  /**
   * A page of active products in id order (newest ids last), filters combined with AND.
   * `first` above {@link MAX_PAGE_SIZE} is refused rather than silently truncated.
   */
  async list(
    filter: ProductListFilter,
    first: number,
    after?: string | null,
  ): Promise<ProductPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
    }
    const query = this.toQuery(filter);
    const pageQuery: FilterQuery<ProductDocument> = after
      ? { ...query, _id: { $gt: decodeCursor(after) } }
      : query;
    const [rows, totalCount] = await Promise.all([
      this.products
        .find(pageQuery)
        .sort({ _id: 1 })
        .limit(first + 1)
        .lean<ProductDocument[]>(),
      this.products.countDocuments(query),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor(node._id), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  private toQuery(filter: ProductListFilter): FilterQuery<ProductDocument> {
    const query: FilterQuery<ProductDocument> = { status: 'ACTIVE' };
    if (filter.categoryId) {
      if (!isObjectIdString(filter.categoryId))
        throw new BadUserInputError('Unknown category', 'categoryId');
      query.categoryId = new Types.ObjectId(filter.categoryId);
    }
    if (filter.minPrice != null || filter.maxPrice != null) {
      if ((filter.minPrice ?? 0) < 0 || (filter.maxPrice ?? 0) < 0) {
        throw new BadUserInputError('Prices cannot be negative', 'minPrice');
      }
      query['price.amount'] = {
        ...(filter.minPrice != null ? { $gte: filter.minPrice } : {}),
        ...(filter.maxPrice != null ? { $lte: filter.maxPrice } : {}),
      };
    }
    if (filter.tags?.length) query.tags = { $all: filter.tags };
    return query;
  }
}
