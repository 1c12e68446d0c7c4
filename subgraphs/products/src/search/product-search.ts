import { Types } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import type { ProductFilter } from '../__generated__/resolvers-types';
import { decodeCursor, encodeCursor, type CursorPosition } from '../product/product-cursor';
import { listingOrderOf, type ListingOrder } from '../product/product-sort';
import type { ProductDocument, ProductModel } from '../product/product.model';
import { LISTING_PROJECTION, pageOf, type ProductPage } from '../product/product.service';
import type { ProductSort } from '../__generated__/resolvers-types';
import { entryMatches, type SearchEntry } from './search-entry';
import type { SearchIndex } from './search-index';
import { isHangul } from './search-tokens';

const MAX_SUGGESTIONS = 20;
type SearchOrder = ListingOrder | 'RELEVANCE';
interface Hit {
  entry: SearchEntry;
  score: number;
}

/** Sort value and direction of a hit in an order; ties break on the id in the same direction. */
function keyOf(order: SearchOrder, hit: Hit): { value: string | number | null; direction: 1 | -1 } {
  const { entry } = hit;
  switch (order) {
    case 'RELEVANCE':
      return { value: hit.score, direction: -1 };
    case 'NEWEST':
      return { value: entry.createdAt, direction: -1 };
    case 'PRICE_ASC':
      return { value: entry.price, direction: 1 };
    case 'PRICE_DESC':
      return { value: entry.price, direction: -1 };
    case 'NAME_ASC':
      return { value: entry.name, direction: 1 };
    case 'POPULAR':
      return { value: entry.popularity, direction: -1 };
    default:
      return { value: null, direction: 1 };
  }
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function compareKeys(
  order: SearchOrder,
  a: { value: string | number | null; id: string },
  b: { value: string | number | null; id: string },
): number {
  const { direction } = ORDER_DIRECTIONS[order];
  const byValue = compareValues(a.value, b.value) * direction;
  if (byValue) return byValue;
  // RELEVANCE breaks ties on ascending ids, like the listing's catalog order.
  return compareValues(a.id, b.id) * (order === 'RELEVANCE' ? 1 : direction);
}

const ORDER_DIRECTIONS: Record<SearchOrder, { direction: 1 | -1 }> = {
  RELEVANCE: { direction: -1 },
  CATALOG: { direction: 1 },
  NEWEST: { direction: -1 },
  PRICE_ASC: { direction: 1 },
  PRICE_DESC: { direction: -1 },
  NAME_ASC: { direction: 1 },
  POPULAR: { direction: -1 },
};

/** Position of `hit` relative to `position` in `order`: negative before, positive after. */
function compareTo(order: SearchOrder, hit: Hit, position: CursorPosition): number {
  return compareKeys(
    order,
    { value: keyOf(order, hit).value, id: hit.entry.id },
    { value: position.value, id: position.id.toHexString() },
  );
}

function positionOf(order: SearchOrder, hit: Hit): CursorPosition {
  return { sort: order, value: keyOf(order, hit).value, id: new Types.ObjectId(hit.entry.id) };
}

/**
 * Relevance-ranked search with filters, every sort and keyset cursors, answered from the
 * in-process {@link SearchIndex}; only the page's products are read from MongoDB.
 */
export class ProductSearch {
  constructor(
    private readonly index: SearchIndex,
    private readonly products: ProductModel,
    private readonly inStockThreshold: number,
  ) {}

  /** A page of products matching `terms` and `filter`, by relevance unless `sort` says else. */
  async page(
    terms: string,
    filter: ProductFilter,
    sort: ProductSort | null | undefined,
    first: number,
    after?: string | null,
  ): Promise<ProductPage> {
    await this.index.ensureReady();
    const order: SearchOrder = !sort || sort === 'RELEVANCE' ? 'RELEVANCE' : listingOrderOf(sort);
    const hits = this.hits(terms, filter);
    const keyed = hits.map((hit) => ({ hit, value: keyOf(order, hit).value, id: hit.entry.id }));
    keyed.sort((a, b) => compareKeys(order, a, b));
    hits.splice(0, hits.length, ...keyed.map((row) => row.hit));
    const start = after ? this.startAfter(order, hits, decodeCursor(after, order)) : 0;
    const window = hits.slice(start, start + first + 1);
    const rows = await this.load(window.map((hit) => hit.entry.id));
    const hitOf = new Map(window.map((hit) => [hit.entry.id, hit]));
    return pageOf(rows, first, hits.length, (row) =>
      encodeCursor(positionOf(order, hitOf.get(row._id.toHexString()) as Hit)),
    );
  }

  private hits(terms: string, filter: ProductFilter): Hit[] {
    const hits: Hit[] = [];
    for (const [id, score] of this.index.score(terms)) {
      const entry = this.index.entry(id);
      if (entry && entryMatches(entry, filter, this.inStockThreshold)) hits.push({ entry, score });
    }
    return hits;
  }

  private startAfter(order: SearchOrder, hits: Hit[], position: CursorPosition): number {
    let low = 0;
    let high = hits.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareTo(order, hits[middle] as Hit, position) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private async load(ids: string[]): Promise<ProductDocument[]> {
    if (!ids.length) return [];
    const rows = await this.products
      .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, LISTING_PROJECTION)
      .lean<ProductDocument[]>();
    const byId = new Map(rows.map((row) => [row._id.toHexString(), row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Up to `limit` product names completing `prefix` (the last word may be partial), in the
   * prefix's language: names that start with the prefix first, then the most popular.
   */
  async suggest(prefix: string, limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
      throw new BadUserInputError(`limit must be between 1 and ${MAX_SUGGESTIONS}`, 'limit');
    }
    if (prefix.length > 100) throw new BadUserInputError('prefix is too long', 'prefix');
    await this.index.ensureReady();
    const korean = isHangul(prefix);
    const wanted = prefix.trim().toLowerCase();
    const hits = [...this.index.score(prefix, ['name'])].flatMap(([id, score]) => {
      const entry = this.index.entry(id);
      if (!entry?.active) return [];
      const name = korean ? entry.name : entry.nameEn;
      return [{ name, starts: name.toLowerCase().startsWith(wanted), score, entry }];
    });
    hits.sort(
      (a, b) =>
        Number(b.starts) - Number(a.starts) ||
        b.score - a.score ||
        b.entry.popularity - a.entry.popularity ||
        compareValues(a.entry.id, b.entry.id),
    );
    return [...new Set(hits.map((hit) => hit.name))].slice(0, limit);
  }
}
