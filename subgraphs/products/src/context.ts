import type { SubgraphBaseContext } from '@shop/service';
import type { CategoryService } from './category/category.service';
import type { PopularityService } from './popularity/popularity.service';
import type { ProductAdminService } from './product/product-admin.service';
import { createProductLoaders, type ProductLoaders } from './product/product.loaders';
import type { ProductDocument } from './product/product.model';
import type { ProductService } from './product/product.service';
import { createRelatedLoader, relatedLimit } from './product/related-products';
import type { ProductSearch } from './search/product-search';
import type { ProductsParts } from './services';

export interface ProductsContext extends SubgraphBaseContext {
  loaders: ProductLoaders;
  products: ProductService;
  productAdmin: ProductAdminService;
  search: ProductSearch;
  popularity: PopularityService;
  categories: CategoryService;
  related: (product: ProductDocument, limit: number) => Promise<ProductDocument[]>;
  inStockThreshold: number;
}

/**
 * Per request: loaders that batch product and category reads (from the read model, else the
 * cache, else one query) and related products (from the read model), and services.
 */
export function createProductsContext(
  base: SubgraphBaseContext,
  { config, models, services }: ProductsParts,
): ProductsContext {
  const related = createRelatedLoader(services.related);
  return {
    ...base,
    loaders: createProductLoaders(
      models.products,
      models.categories,
      services.cache,
      services.searchIndex,
      services.categoryMemo,
    ),
    products: services.products,
    productAdmin: services.productAdmin,
    search: services.search,
    popularity: services.popularity,
    categories: services.categories,
    related: async (product, limit) =>
      relatedLimit(limit) === 0 ? [] : related.load({ product, limit }),
    inStockThreshold: config.IN_STOCK_THRESHOLD,
  };
}
