import { connectionOf } from '@shop/pagination';
import { decodePosition, encodePosition } from '../product/product-cursor';
import type { ListingFilter } from '../product/product-filter';
import type { ProductPage } from '../product/product-page';
import { compareRows, sortValueOf, type ListingOrder } from '../product/product-sort';
import type { SearchEntry } from '../search/search-entry';
import type { SearchIndex } from '../search/search-index';
import type { CatalogListing } from './catalog-listing';
import type { CatalogOrderings } from './catalog-orderings';
import { narrowsBeyondCategory, type FilteredOrderings } from './filtered-orderings';
import type { SortedEntries } from './sorted-entries';

/**
 * Listing pages from the in-process read model. Every filter has an ordering that holds exactly
 * the active products it lists: the catalog's for none, a category's for a category alone, its
 * own for price, stock or tags ({@link FilteredOrderings}). A page is a binary search to the
 * cursor in that ordering and the next `first + 1` entries, and `totalCount` is its size; the
 * cursors and `compareRows` are MongoDB's listing's. Until the read model's first build is done,
 * pages come from `fallback`.
 */
export class MemoryCatalogListing implements CatalogListing {
  constructor(
    private readonly index: SearchIndex,
    private readonly orderings: CatalogOrderings,
    private readonly filtered: FilteredOrderings,
    private readonly fallback: CatalogListing,
  ) {}

  async page(
    filter: ListingFilter,
    order: ListingOrder,
    first: number,
    after: string | null | undefined,
  ): Promise<ProductPage> {
    if (!this.index.isReady) {
      this.index.warm();
      return this.fallback.page(filter, order, first, after);
    }
    const position = after ? decodePosition(after, order) : null;
    const sorted = this.orderingOf(filter, order);
    const rowOf = (entry: SearchEntry) => ({ value: sortValueOf(order, entry), id: entry.id });
    let start = 0;
    if (position) {
      const boundary = { value: position.value, id: position.id.toHexString() };
      start = sorted.firstIndexWhere((entry) => compareRows(order, rowOf(entry), boundary) > 0);
    }
    const found: SearchEntry[] = [];
    for (let index = start; index < sorted.size && found.length <= first; index += 1) {
      found.push(sorted.at(index)!);
    }
    const entryOf = new Map(found.map((entry) => [entry.product, entry]));
    return connectionOf(
      found.map((entry) => entry.product),
      first,
      sorted.size,
      (product) => {
        const entry = entryOf.get(product)!;
        return encodePosition({ order, value: sortValueOf(order, entry), id: product._id });
      },
    );
  }

  /** The ordering holding exactly the active products `filter` lists. */
  private orderingOf(filter: ListingFilter, order: ListingOrder): SortedEntries {
    if (narrowsBeyondCategory(filter)) return this.filtered.of(filter, order);
    if (filter.categoryId) return this.orderings.ofCategory(filter.categoryId, order);
    return this.orderings.of(order);
  }
}
