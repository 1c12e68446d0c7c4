import { matchesFilter, type ListingFilter } from '../product/product-filter';
import type { SearchIndex } from '../search/search-index';
import type { CatalogOrderings } from './catalog-orderings';

/** Distinct filters whose counts are remembered; beyond it the memory starts over. */
const MAX_REMEMBERED = 1_000;

/**
 * `totalCount` of a listing filter without scanning the catalog on every page: no condition or
 * a category alone are kept counts; any other filter is counted once by a scan (a few ms at
 * 100,000 products) and remembered until the next change to the catalog.
 */
export class FilterCounts {
  private readonly remembered = new Map<string, { generation: number; count: number }>();

  constructor(
    private readonly index: SearchIndex,
    private readonly orderings: CatalogOrderings,
    private readonly inStockThreshold: number,
  ) {}

  count(filter: ListingFilter): number {
    const { categoryId, minPrice, maxPrice, stockStatuses, tags } = filter;
    const onlyCategory =
      minPrice === null && maxPrice === null && !stockStatuses.length && !tags.length;
    if (onlyCategory) return this.orderings.activeCount(categoryId ?? undefined);
    const key = JSON.stringify([
      categoryId,
      minPrice,
      maxPrice,
      [...stockStatuses].sort(),
      [...tags].sort(),
    ]);
    const generation = this.index.generation;
    const known = this.remembered.get(key);
    if (known?.generation === generation) return known.count;
    let count = 0;
    const candidates = categoryId
      ? this.orderings.ofCategory(categoryId, 'CATALOG')
      : this.orderings.of('CATALOG');
    for (let index = 0; index < candidates.size; index += 1) {
      if (matchesFilter(candidates.at(index)!, filter, this.inStockThreshold)) count += 1;
    }
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(key, { generation, count });
    return count;
  }
}
