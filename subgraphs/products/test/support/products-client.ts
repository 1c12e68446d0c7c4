import type { Identity } from '@shop/auth';
import { callAsGateway, type GatewayCall } from '@shop/testing';

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

/** GraphQL calls to the products subgraph signed like the gateway's. */
export function productsClient(call: GatewayCall) {
  const run = <T>(query: string, variables: Record<string, unknown> = {}, identity?: Identity) =>
    callAsGateway<T>({ ...call, identity: identity ?? null }, query, variables);
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

export function codesOf(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return (result.errors ?? []).map((error) => error.extensions?.['code']);
}
