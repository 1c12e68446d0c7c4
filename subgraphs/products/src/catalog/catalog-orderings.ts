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

/** A batch large enough (the popularity refresh) that starting over beats a splice per change. */
export function isBulkChange(
  changes: readonly EntryChange[],
  entries: ReadonlyMap<string, SearchEntry>,
): boolean {
  return changes.length > Math.max(50, RESORT_SHARE * entries.size);
}

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

type Orders<Order extends string> = Map<Order, SortedEntries>;

function listingOrders(): Orders<ListingOrder> {
  return new Map(
    LISTING_ORDERS.map((order) => [order, new SortedEntries(listingComparator(order))] as const),
  );
}

/** What a category with no active product lists: never written to. */
const NONE = new SortedEntries(() => 0);

/**
 * The active products in every listing order (the table of `product-sort.ts`) and in the
 * related-products order, over the whole catalog and per category, kept current as the read
 * model changes: a page is a binary search to its cursor and a short scan, never a sort, and a
 * category's page scans only that category's products however small a share of the catalog
 * it is.
 */
export class CatalogOrderings implements IndexObserver {
  private readonly orders: Orders<ListingOrder | 'RELATED'> = new Map<
    ListingOrder | 'RELATED',
    SortedEntries
  >([...listingOrders(), ['RELATED', new SortedEntries(byPopularityThenId)]]);
  private readonly categories = new Map<string, Orders<ListingOrder>>();

  /** Active products in `order`. */
  of(order: ListingOrder | 'RELATED'): SortedEntries {
    return this.orders.get(order) as SortedEntries;
  }

  /** Active products of one category in `order`. */
  ofCategory(categoryId: string, order: ListingOrder): SortedEntries {
    return this.categories.get(categoryId)?.get(order) ?? NONE;
  }

  rebuilt(entries: ReadonlyMap<string, SearchEntry>): void {
    const active = [...entries.values()].filter((entry) => entry.active);
    for (const sorted of this.orders.values()) sorted.reset([...active]);
    const byCategory = new Map<string, SearchEntry[]>();
    for (const entry of active) {
      const members = byCategory.get(entry.categoryId);
      if (members) members.push(entry);
      else byCategory.set(entry.categoryId, [entry]);
    }
    this.categories.clear();
    for (const [categoryId, members] of byCategory) {
      const orders = listingOrders();
      for (const sorted of orders.values()) sorted.reset([...members]);
      this.categories.set(categoryId, orders);
    }
  }

  changed(changes: readonly EntryChange[], entries: ReadonlyMap<string, SearchEntry>): void {
    if (isBulkChange(changes, entries)) {
      this.rebuilt(entries);
      return;
    }
    for (const { previous, next } of changes) {
      if (previous?.active) {
        for (const sorted of this.orderingsOf(previous)) sorted.remove(previous);
      }
      if (next?.active) {
        for (const sorted of this.orderingsOf(next)) sorted.insert(next);
      }
    }
  }

  /** Every ordering `entry` belongs in: the catalog's and its category's. */
  private *orderingsOf(entry: SearchEntry): Iterable<SortedEntries> {
    yield* this.orders.values();
    let category = this.categories.get(entry.categoryId);
    if (!category) {
      category = listingOrders();
      this.categories.set(entry.categoryId, category);
    }
    yield* category.values();
  }
}
