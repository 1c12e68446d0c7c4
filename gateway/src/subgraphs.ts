/** The subgraphs the gateway composes, with the URL each has in a local run. */
export const SUBGRAPHS = [
  { name: 'users', defaultUrl: 'http://127.0.0.1:4001/graphql' },
  { name: 'products', defaultUrl: 'http://127.0.0.1:4002/graphql' },
  { name: 'cart', defaultUrl: 'http://127.0.0.1:4003/graphql' },
  { name: 'orders', defaultUrl: 'http://127.0.0.1:4004/graphql' },
  { name: 'support', defaultUrl: 'http://127.0.0.1:4005/graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
