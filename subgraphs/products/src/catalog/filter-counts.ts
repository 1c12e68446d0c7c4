import type { ListingFilter } from '../product/product-filter';
import type { CatalogOrderings } from './catalog-orderings';
import { narrowsBeyondCategory, type FilteredOrderings } from './filtered-orderings';

/**
 * `totalCount` of a listing filter without scanning the catalog on every page: no condition or
 * a category alone are kept counts; a price, stock or tag filter is the size of its filtered
 * ordering in catalog order, built once and then kept current (see {@link FilteredOrderings}).
 */
export class FilterCounts {
  constructor(
    private readonly orderings: CatalogOrderings,
    private readonly filtered: FilteredOrderings,
  ) {}

  count(filter: ListingFilter): number {
    if (narrowsBeyondCategory(filter)) return this.filtered.of(filter, 'CATALOG').size;
    return this.orderings.activeCount(filter.categoryId ?? undefined);
  }
}
