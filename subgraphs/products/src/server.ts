import { join } from 'node:path';
import { createSubgraph, type Subgraph } from '@shop/service';
import type { ProductsConfig } from './config';
import type { ProductsContext } from './context';
import { categoryModel } from './category/category.model';
import { CategoryService } from './category/category.service';
import { createProductLoaders } from './product/product.loaders';
import { productModel } from './product/product.model';
import { productInternalRoutes } from './product/product.internal';
import { ProductService } from './product/product.service';
import { resolvers } from './resolvers';

/** Builds the products subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createProductsSubgraph(config: ProductsConfig): Promise<Subgraph> {
  return createSubgraph<ProductsContext>({
    name: 'products',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: (connection) => {
      productModel(connection);
      categoryModel(connection);
    },
    internalRoutes: ({ mongo }) =>
      productInternalRoutes(productModel(mongo), categoryModel(mongo), config.IN_STOCK_THRESHOLD),
    contextFactory: ({ mongo }) => {
      const products = productModel(mongo);
      const categories = categoryModel(mongo);
      const productService = new ProductService(products);
      const categoryService = new CategoryService(categories);
      return (base) => ({
        ...base,
        loaders: createProductLoaders(products, categories),
        products: productService,
        categories: categoryService,
        inStockThreshold: config.IN_STOCK_THRESHOLD,
      });
    },
  });
}

export { loadProductsConfig, type ProductsConfig } from './config';
