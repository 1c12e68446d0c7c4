import { join } from 'node:path';
import { createSubgraph, defineSubgraph } from '@shop/service';
import { productsBackgroundTasks } from './background-tasks';
import type { ProductsConfig } from './config';
import { createProductsContext } from './context';
import { productsInternalRoutes } from './internal-routes';
import { productsModels } from './models';
import { resolvers } from './resolvers';
import { createProductsServices } from './services';

/** The products subgraph: catalog, search, stock and the inventory reservations orders use. */
export const productsSubgraph = defineSubgraph({
  name: 'products',
  schemaPath: join(__dirname, 'schema.graphql'),
  resolvers,
  models: productsModels,
  services: createProductsServices,
  context: createProductsContext,
  internalRoutes: productsInternalRoutes,
  backgroundTasks: productsBackgroundTasks,
});

/** Builds the products subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createProductsSubgraph(config: ProductsConfig) {
  return createSubgraph(productsSubgraph, config);
}

export type ProductsSubgraph = Awaited<ReturnType<typeof createProductsSubgraph>>;
export { loadProductsConfig, type ProductsConfig } from './config';
export { seedCatalog } from './seed/seed-catalog';
