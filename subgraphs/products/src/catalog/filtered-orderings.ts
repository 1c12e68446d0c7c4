import { matchesFilter, type ListingFilter } from '../product/product-filter';
import type { ListingOrder } from '../product/product-sort';
import type { SearchEntry } from '../search/search-entry';
import type { EntryChange, IndexObserver } from '../search/search-index';
import { isBulkChange, type CatalogOrderings } from './catalog-orderings';
import { SortedEntries } from './sorted-entries';

/** Filtered orderings kept at once; the least recently used goes first beyond it. */
export const MAX_KEPT = 32;

/** True when a filter asks more than a category: price, stock or tags. */
export function narrowsBeyondCategory(filter: ListingFilter): boolean {
  return (
    filter.minPrice !== null ||
    filter.maxPrice !== null ||
    filter.stockStatuses.length > 0 ||
    filter.tags.length > 0
  );
}

/**
 * The products matching a price, stock or tag filter, in a listing order, for the filters asked
 * lately. Without them a page scans the catalog's ordering until `first + 1` entries match: a
 * filter matching few products (one brand's tag, a narrow price band, LOW_STOCK) or matching only
 * far down the order (a price band sorted by price) walked most of 100,000 products per page
 * (80 pages/s at 20 clients). The first page of such a filter builds its ordering with that one
 * walk; later pages and other shoppers read it, and every change to the catalog is
 * applied to each kept ordering (a binary search and a splice), so it never goes stale. At most
 * {@link MAX_KEPT} are kept: each holds at most the catalog's size in pointers.
 */
export class FilteredOrderings implements IndexObserver {
  private readonly kept = new Map<
    string,
    { filter: ListingFilter; order: ListingOrder; sorted: SortedEntries }
  >();

  constructor(
    private readonly orderings: CatalogOrderings,
    private readonly inStockThreshold: number,
  ) {}

  /** How many filtered orderings are kept (never above {@link MAX_KEPT}). */
  get size(): number {
    return this.kept.size;
  }

  /** The active products matching `filter` (category included) in `order`. */
  of(filter: ListingFilter, order: ListingOrder): SortedEntries {
    const key = JSON.stringify([
      order,
      filter.categoryId,
      filter.minPrice,
      filter.maxPrice,
      [...filter.stockStatuses].sort(),
      [...new Set(filter.tags)].sort(),
    ]);
    const known = this.kept.get(key);
    if (known) {
      // Map order is use order: the first key is the least recently used.
      this.kept.delete(key);
      this.kept.set(key, known);
      return known.sorted;
    }
    const source = filter.categoryId
      ? this.orderings.ofCategory(filter.categoryId, order)
      : this.orderings.of(order);
    const sorted = new SortedEntries(source.compare);
    const matching: SearchEntry[] = [];
    for (let index = 0; index < source.size; index += 1) {
      const entry = source.at(index)!;
      if (matchesFilter(entry, filter, this.inStockThreshold)) matching.push(entry);
    }
    sorted.reset(matching);
    this.kept.set(key, { filter, order, sorted });
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return sorted;
  }

  rebuilt(): void {
    this.kept.clear();
  }

  changed(changes: readonly EntryChange[], entries: ReadonlyMap<string, SearchEntry>): void {
    // As the catalog's orderings do, a large batch starts over rather than splicing each change.
    if (isBulkChange(changes, entries)) {
      this.kept.clear();
      return;
    }
    for (const { filter, sorted } of this.kept.values()) {
      for (const { previous, next } of changes) {
        if (previous && matchesFilter(previous, filter, this.inStockThreshold)) {
          sorted.remove(previous);
        }
        if (next && matchesFilter(next, filter, this.inStockThreshold)) sorted.insert(next);
      }
    }
  }
}
