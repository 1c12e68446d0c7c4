import type { SubgraphBaseContext } from '@shop/service';
import type { CategoryService } from './category/category.service';
import type { ProductLoaders } from './product/product.loaders';
import type { ProductService } from './product/product.service';

export interface ProductsContext extends SubgraphBaseContext {
  loaders: ProductLoaders;
  products: ProductService;
  categories: CategoryService;
  inStockThreshold: number;
}
