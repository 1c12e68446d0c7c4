import { connectionOf } from '@shop/pagination';
import { decodePosition, encodePosition } from '../product/product-cursor';
import { matchesFilter, type ListingFilter } from '../product/product-filter';
import type { ProductPage } from '../product/product-page';
import { compareRows, sortValueOf, type ListingOrder } from '../product/product-sort';
import type { SearchEntry } from '../search/search-entry';
import type { SearchIndex } from '../search/search-index';
import type { CatalogListing } from './catalog-listing';
import type { CatalogOrderings } from './catalog-orderings';
import type { FilterCounts } from './filter-counts';
import { narrowsBeyondCategory, type FilteredOrderings } from './filtered-orderings';

/**
 * Listing pages from the in-process read model: the cursor is found by binary search in the
 * order's sorted entries (the filter's own for price, stock or tags, see {@link FilteredOrderings};
 * the category's, when the filter names only a category), then entries are scanned
 * until `first + 1` match the filter (the same
 * `matchesFilter` the search applies, the same cursors and `compareRows` as MongoDB's listing).
 * Until the read model's first build is done, pages come from `fallback`.
 */
export class MemoryCatalogListing implements CatalogListing {
  constructor(
    private readonly index: SearchIndex,
    private readonly orderings: CatalogOrderings,
    private readonly filtered: FilteredOrderings,
    private readonly counts: FilterCounts,
    private readonly fallback: CatalogListing,
    private readonly inStockThreshold: number,
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
    // The narrowest ordering that holds every product the page could list, so the scan below
    // passes few that do not match: the filter's own, a category's, or the whole catalog's.
    const sorted = narrowsBeyondCategory(filter)
      ? this.filtered.of(filter, order)
      : filter.categoryId
        ? this.orderings.ofCategory(filter.categoryId, order)
        : this.orderings.of(order);
    const rowOf = (entry: SearchEntry) => ({ value: sortValueOf(order, entry), id: entry.id });
    let index = 0;
    if (position) {
      const boundary = { value: position.value, id: position.id.toHexString() };
      index = sorted.firstIndexWhere((entry) => compareRows(order, rowOf(entry), boundary) > 0);
    }
    const found: SearchEntry[] = [];
    for (; index < sorted.size && found.length <= first; index += 1) {
      const entry = sorted.at(index)!;
      if (matchesFilter(entry, filter, this.inStockThreshold)) found.push(entry);
    }
    const entryOf = new Map(found.map((entry) => [entry.product, entry]));
    return connectionOf(
      found.map((entry) => entry.product),
      first,
      this.counts.count(filter),
      (product) => {
        const entry = entryOf.get(product)!;
        return encodePosition({ order, value: sortValueOf(order, entry), id: product._id });
      },
    );
  }
}
