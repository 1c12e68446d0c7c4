import type { ListingFilter } from '../product/product-filter';
import type { ProductPage } from '../product/product-page';
import type { ListingOrder } from '../product/product-sort';

/**
 * Where listing pages (filters without a search, every listing order, keyset cursors) come
 * from. Two implementations answer identically: {@link MongoCatalogListing} queries MongoDB,
 * the record; {@link MemoryCatalogListing} reads the in-process read model that follows it.
 * `PRODUCTS_LISTING` chooses one per process.
 */
export interface CatalogListing {
  /**
   * Up to `first` active products matching `filter` in `order`, strictly after the position
   * `after` encodes (BAD_USER_INPUT when it is not a cursor of this order), with the total
   * number of matching products.
   */
  page(
    filter: ListingFilter,
    order: ListingOrder,
    first: number,
    after: string | null | undefined,
  ): Promise<ProductPage>;
}
