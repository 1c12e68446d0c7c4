import { ApolloServer } from '@apollo/server';
import { buildSchema, parse } from 'graphql';
import { createMetrics } from './metrics';
import { operationCost } from './query-cost';
import { DEFAULT_QUERY_LIMITS, queryLimits, type QueryLimits } from './query-limits';

const schema = buildSchema(`
  type Product { id: ID! name: String! related(limit: Int = 4): [Product!]! tags: [String!]! }
  type ProductEdge { node: Product! }
  type ProductConnection { edges: [ProductEdge!]! totalCount: Int! }
  type Node { id: ID! child: Node }
  type Query {
    node: Node
    products(first: Int = 20): ProductConnection!
    categories: [Product!]!
  }
`);

const rootValue = { products: { edges: [], totalCount: 0 }, categories: [], node: null };

async function run(query: string, limits: Partial<QueryLimits> = {}, variables = {}) {
  const metrics = createMetrics('test');
  const setup = queryLimits({ ...DEFAULT_QUERY_LIMITS, ...limits }, metrics);
  const server = new ApolloServer({ schema, rootValue, ...setup });
  await server.start();
  try {
    // Apollo builds per-schema data on the first request; time the document, not that.
    await server.executeOperation({ query: '{ __typename }' });
    const startedAt = performance.now();
    const response = await server.executeOperation({ query, variables });
    const elapsedMs = performance.now() - startedAt;
    const result = response.body.kind === 'single' ? response.body.singleResult : {};
    const rejections = await metrics.registry.getSingleMetricAsString(
      'graphql_query_limit_rejections_total',
    );
    return { errors: 'errors' in result ? (result.errors ?? []) : [], rejections, elapsedMs };
  } finally {
    await server.stop();
  }
}

/** `{ ...F0 }` where each fragment spreads the next twice: 2^n fields once expanded. */
function fragmentBomb(fragments: number): string {
  const chain = Array.from(
    { length: fragments },
    (_, index) => `fragment F${index} on Query { __typename ...F${index + 1} ...F${index + 1} }`,
  );
  return `{ ...F0 } ${chain.join(' ')} fragment F${fragments} on Query { __typename }`;
}

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (operation?.kind !== 'OperationDefinition') throw new Error('no operation');
  return operationCost(schema, document, operation, variables, DEFAULT_QUERY_LIMITS);
}

describe('query limits', () => {
  it('refuses a 40-fragment doubling chain by cost in well under 50 ms', async () => {
    const { errors, rejections, elapsedMs } = await run(fragmentBomb(40));
    expect(elapsedMs).toBeLessThan(50);
    expect(errors.map((error) => error.extensions?.['code'])).toEqual(['QUERY_TOO_COSTLY']);
    expect(rejections).toMatch(/code="QUERY_TOO_COSTLY",service="test"} 1/);
  });

  it('measures depth once per fragment and through inline fragments', async () => {
    const { errors } = await run(
      '{ node { ...F } } fragment F on Node { child { ... on Node { child { child { id } } } } }',
      { maxDepth: 4 },
    );
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Query depth 5 exceeds the limit of 4',
        extensions: { code: 'QUERY_TOO_DEEP', limit: 4, found: 5 },
      }),
    ]);
  });

  it('counts aliases and directives inside fragments', async () => {
    const aliases = await run('{ a: node { id } ...F } fragment F on Query { b: node { x: id } }', {
      maxAliases: 2,
    });
    expect(aliases.errors.map((error) => error.extensions)).toEqual([
      { code: 'TOO_MANY_ALIASES', limit: 2, found: 3 },
    ]);
    const directives = await run(
      '{ node @include(if: true) { ...F } } fragment F on Node { id @skip(if: false) }',
      { maxDirectives: 1 },
    );
    expect(directives.errors.map((error) => error.extensions?.['code'])).toEqual([
      'TOO_MANY_DIRECTIVES',
    ]);
  });

  it('stops parsing at the token limit with its own code', async () => {
    const { errors, rejections } = await run(`{ ${'node { id } '.repeat(100)} }`, {
      maxTokens: 50,
    });
    expect(errors.map((error) => [error.message, error.extensions?.['code']])).toEqual([
      ['Query has more than 50 tokens', 'TOO_MANY_TOKENS'],
    ]);
    expect(rejections).toMatch(/code="TOO_MANY_TOKENS",service="test"} 1/);
  });

  it('multiplies nested lists by their size, from literals, variables or schema defaults', () => {
    // products: 1 + 200 (fetch) + edges (1 + 5 × (node 1 + id 1)) = 212
    expect(cost('{ products(first: 5) { edges { node { id } } } }')).toBe(212);
    expect(
      cost('query ($n: Int) { products(first: $n) { edges { node { id } } } }', { n: 5 }),
    ).toBe(212);
    expect(cost('query ($n: Int = 5) { products(first: $n) { totalCount } }')).toBe(202);
    // Default first: 20
    expect(cost('{ products { edges { node { id } } } }')).toBe(1 + 200 + 1 + 20 * 2);
    // An unsized list of objects counts as 10; a list of scalars is one field.
    expect(cost('{ categories { id tags } }')).toBe(1 + 10 * 2);
    // `first: 0` still counts what is under it once.
    expect(cost('{ products(first: 0) { edges { node { id } } } }')).toBe(1 + 200 + 1 + 2);
  });

  it('refuses the 125-product fan-out of nested limited lists', async () => {
    const query =
      '{ products(first: 5) { edges { node { related(limit: 5) { related(limit: 5) { id } } } } } }';
    const { errors } = await run(query);
    expect(errors.map((error) => error.extensions?.['code'])).toEqual(['QUERY_TOO_COSTLY']);
    const page = await run('{ products(first: 100) { edges { node { id name tags } } } }');
    expect(page.errors).toEqual([]);
  });

  it('refuses a fragment cycle without looping', async () => {
    const { errors } = await run(
      '{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { ...A }',
    );
    expect(errors.map((error) => error.extensions?.['code'])).toContain(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});
