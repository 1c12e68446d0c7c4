import type { SubgraphBaseContext } from '@shop/service';
import type { CategoryService } from './category/category.service';
import type { PopularityService } from './popularity/popularity.service';
import type { ProductAdminService } from './product/product-admin.service';
import type { ProductLoaders } from './product/product.loaders';
import type { ProductDocument } from './product/product.model';
import type { ProductService } from './product/product.service';
import type { ProductSearch } from './search/product-search';

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
