import { compareRows, sortValueOf, type ListingOrder } from '../product/product-sort';
import type { SearchEntry } from '../search/search-entry';
import type { EntryChange, IndexObserver } from '../search/search-index';
import { SortedEntries } from './sorted-entries';

const LISTING_ORDERS: ListingOrder[] = [
  'CATALOG',
  'NEWEST',
  'PRICE_ASC',
  'PRICE_DESC',
  'NAME_ASC',
  'POPULAR',
];

/** Above this share of the catalog changed in one batch, re-sorting beats one splice per change. */
const RESORT_SHARE = 0.02;

/** By popularity, then ascending id: the order related-product candidates are taken in. */
function byPopularityThenId(a: SearchEntry, b: SearchEntry): number {
  return b.popularity - a.popularity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function listingComparator(order: ListingOrder) {
  return (a: SearchEntry, b: SearchEntry) =>
    compareRows(
      order,
      { value: sortValueOf(order, a), id: a.id },
      { value: sortValueOf(order, b), id: b.id },
    );
}

/**
 * The active products in every listing order (the table of `product-sort.ts`) and in the
 * related-products order, plus active products per category, kept current as the read model
 * changes: a page is a binary search to its cursor and a short scan, never a sort.
 */
export class CatalogOrderings implements IndexObserver {
  private readonly orders = new Map<ListingOrder | 'RELATED', SortedEntries>([
    ...LISTING_ORDERS.map((order) => [order, new SortedEntries(listingComparator(order))] as const),
    ['RELATED', new SortedEntries(byPopularityThenId)],
  ]);
  private readonly categories = new Map<string, number>();

  /** Active products in `order`. */
  of(order: ListingOrder | 'RELATED'): SortedEntries {
    return this.orders.get(order) as SortedEntries;
  }

  /** How many active products there are, in all or in one category. */
  activeCount(categoryId?: string): number {
    if (categoryId === undefined) return this.of('CATALOG').size;
    return this.categories.get(categoryId) ?? 0;
  }

  rebuilt(entries: ReadonlyMap<string, SearchEntry>): void {
    const active = [...entries.values()].filter((entry) => entry.active);
    for (const sorted of this.orders.values()) sorted.reset([...active]);
    this.categories.clear();
    for (const entry of active) this.count(entry, 1);
  }

  changed(changes: readonly EntryChange[], entries: ReadonlyMap<string, SearchEntry>): void {
    if (changes.length > Math.max(50, RESORT_SHARE * entries.size)) {
      this.rebuilt(entries);
      return;
    }
    for (const { previous, next } of changes) {
      if (previous?.active) {
        for (const sorted of this.orders.values()) sorted.remove(previous);
        this.count(previous, -1);
      }
      if (next?.active) {
        for (const sorted of this.orders.values()) sorted.insert(next);
        this.count(next, 1);
      }
    }
  }

  private count(entry: SearchEntry, delta: number): void {
    this.categories.set(entry.categoryId, (this.categories.get(entry.categoryId) ?? 0) + delta);
  }
}
