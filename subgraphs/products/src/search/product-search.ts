import { Types } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import { boundedCount, connectionOf } from '@shop/pagination';
import { decodePosition, encodePosition, type CursorPosition } from '../product/product-cursor';
import { matchesFilter, type ListingFilter } from '../product/product-filter';
import type { ProductPage } from '../product/product-page';
import { compareRows, sortValueOf, type SearchOrder } from '../product/product-sort';
import type { SearchEntry } from './search-entry';
import type { SearchIndex } from './search-index';
import { isHangul } from './search-tokens';

const MAX_SUGGESTIONS = 20;
/** Distinct searches whose sorted hits are remembered between changes to the catalog. */
const REMEMBERED_SEARCHES = 500;

interface Hit {
  entry: SearchEntry;
  value: string | number | null;
  id: string;
}

function positionOf(order: SearchOrder, hit: Hit): CursorPosition {
  return { order, value: hit.value, id: new Types.ObjectId(hit.id) };
}

/**
 * Relevance-ranked search with filters, every sort and keyset cursors, answered from the
 * in-process {@link SearchIndex}, products included. A search's sorted hits are remembered
 * until the catalog next changes, so the pages after the first (and the same search from
 * other shoppers) cost a binary search instead of scoring and sorting every hit again.
 */
export class ProductSearch {
  private readonly remembered = new Map<string, { generation: number; hits: Hit[] }>();

  constructor(
    private readonly index: SearchIndex,
    private readonly inStockThreshold: number,
  ) {}

  /** A page of products matching the filter's search terms and conditions, in `order`. */
  async page(
    filter: ListingFilter,
    order: SearchOrder,
    first: number,
    after?: string | null,
  ): Promise<ProductPage> {
    await this.index.ensureReady();
    const hits = this.sortedHits(filter, order);
    const start = after ? this.startAfter(order, hits, decodePosition(after, order)) : 0;
    const window = hits.slice(start, start + first + 1);
    const rows = window.map((hit) => hit.entry.product);
    const hitOf = new Map(window.map((hit) => [hit.id, hit]));
    return connectionOf(rows, first, hits.length, (row) =>
      encodePosition(positionOf(order, hitOf.get(row._id.toHexString()) as Hit)),
    );
  }

  private sortedHits(filter: ListingFilter, order: SearchOrder): Hit[] {
    const key = JSON.stringify([filter, order]);
    const generation = this.index.generation;
    const known = this.remembered.get(key);
    if (known?.generation === generation) return known.hits;
    const hits = this.hits(filter, order);
    hits.sort((a, b) => compareRows(order, a, b));
    if (this.remembered.size >= REMEMBERED_SEARCHES) this.remembered.clear();
    this.remembered.set(key, { generation, hits });
    return hits;
  }

  /** Active products matching the search terms and the filter, with their sort values. */
  private hits(filter: ListingFilter, order: SearchOrder): Hit[] {
    const hits: Hit[] = [];
    const add = (entry: SearchEntry | undefined, score: number) => {
      if (entry && matchesFilter(entry, filter, this.inStockThreshold)) {
        hits.push({ entry, id: entry.id, value: sortValueOf(order, entry, score) });
      }
    };
    for (const [id, score] of this.index.score(filter.search)) add(this.index.entry(id), score);
    return hits;
  }

  /** The index of the first hit strictly after `position`, by binary search. */
  private startAfter(order: SearchOrder, hits: Hit[], position: CursorPosition): number {
    const boundary = { value: position.value, id: position.id.toHexString() };
    let low = 0;
    let high = hits.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareRows(order, hits[middle] as Hit, boundary) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Up to `limit` product names completing `prefix` (the last word may be partial), in the
   * prefix's language: names that start with the prefix first, then the most popular.
   */
  async suggest(prefix: string, limit: number): Promise<string[]> {
    boundedCount(limit, { field: 'limit', max: MAX_SUGGESTIONS });
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
        (a.entry.id < b.entry.id ? -1 : 1),
    );
    return [...new Set(hits.map((hit) => hit.name))].slice(0, limit);
  }
}
