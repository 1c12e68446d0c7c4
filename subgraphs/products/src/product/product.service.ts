import { boundedCount } from '@shop/pagination';
import type { CatalogListing } from '../catalog/catalog-listing';
import type { ProductSearch } from '../search/product-search';
import { parseListingFilter } from './product-filter';
import type { ListArgs, ProductPage } from './product-page';
import { orderOf } from './product-sort';

export class ProductService {
  constructor(
    private readonly listing: CatalogListing,
    private readonly search: ProductSearch,
  ) {}

  /**
   * A page of active products: filters combined with AND, keyset pagination on
   * `(sort key, _id)` with opaque cursors, `first` at most 100 (more is BAD_USER_INPUT, never
   * silently truncated). A search ranks by relevance unless another sort is asked for; both a
   * search and a listing are answered by the in-process read model once it is built, a listing
   * by MongoDB when `PRODUCTS_LISTING=mongo`.
   */
  async list(args: ListArgs): Promise<ProductPage> {
    const first = boundedCount(args.first);
    const filter = parseListingFilter(args.filter);
    const order = orderOf(args.sort, filter.search !== '');
    if (order === 'RELEVANCE' || filter.search) {
      return this.search.page(filter, order, first, args.after);
    }
    return this.listing.page(filter, order, first, args.after);
  }
}
