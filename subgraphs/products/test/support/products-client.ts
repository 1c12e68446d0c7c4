import type { Identity } from '@shop/auth';
import { waitFor } from '@shop/testing';
import { startSubgraphForTest, type SubgraphForTest } from '@shop/subgraph-testing';
import {
  productsSubgraph,
  loadProductsConfig,
  type ProductsConfig,
  type ProductsSubgraph,
} from '../../src/server';

export interface ListedProduct {
  id: string;
  sku: string;
  name: string;
  price: { amount: number };
  createdAt: string;
  stockStatus: string;
  tags: string[];
}

export interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: ListedProduct }>;
}

export const PRODUCTS_QUERY = `query ($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id sku name price { amount } createdAt stockStatus tags } }
  }
}`;

export type ProductsUnderTest = SubgraphForTest<ProductsConfig, ProductsSubgraph>;

/**
 * Starts the products subgraph for one test file (own database and queue prefix), with a client
 * for its GraphQL API and the base URL of its internal API.
 */
export async function startProducts(env: Record<string, string> = {}) {
  const started: ProductsUnderTest = await startSubgraphForTest(
    productsSubgraph,
    loadProductsConfig,
    env,
  );
  return {
    ...started,
    client: productsClient(started.call),
    internalBaseUrl: started.origin,
    /**
     * Seed builders write around the services: tell every process's read model about the
     * products, as the services do after each write, and wait until this one has them.
     */
    async announce(ids: string[]) {
      const { searchIndex } = started.subgraph.services;
      const generation = searchIndex.generation;
      await started.subgraph.runtime.redis.publish(
        `${started.config.dbName}:catalog-changes`,
        JSON.stringify(ids),
      );
      if (!searchIndex.isReady) return;
      await waitFor('the change to reach the read model', async () =>
        searchIndex.generation > generation ? true : undefined,
      );
    },
  };
}

/** GraphQL calls to the products subgraph signed like the gateway's. */
export function productsClient(call: ProductsUnderTest['call']) {
  const run = <T>(query: string, variables: Record<string, unknown> = {}, identity?: Identity) =>
    call<T>(query, variables, identity ?? null);
  return {
    run,
    async page(variables: Record<string, unknown>) {
      const result = await run<{ products: Connection }>(PRODUCTS_QUERY, variables);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return (result.data as { products: Connection }).products;
    },
    /** Every page of a listing, following cursors. */
    async walk(variables: Record<string, unknown>, first = 100) {
      const nodes: ListedProduct[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Connection = await this.page({ ...variables, first, after });
        nodes.push(...page.edges.map((edge) => edge.node));
        pages += 1;
        if (!page.pageInfo.hasNextPage) return { nodes, pages, totalCount: page.totalCount };
        after = page.pageInfo.endCursor;
      }
    },
  };
}

export { errorCodesOf as codesOf } from '@shop/subgraph-testing';
