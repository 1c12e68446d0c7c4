import { signGatewayRequest } from '@shop/auth';
import { errorCodes, graphql, startStack, type Stack } from '../src';

/**
 * `{ ...F0 }` where each fragment spreads the next twice: 2^n fields once expanded. `name`
 * makes each document new, so no cache of parsed documents shortens the work.
 */
function fragmentChain(fragments: number, name = 'F'): string {
  const chain = Array.from(
    { length: fragments },
    (_, index) =>
      `fragment ${name}${index} on Query { __typename ...${name}${index + 1} ...${name}${index + 1} }`,
  );
  return `{ ...${name}0 } ${chain.join(' ')} fragment ${name}${fragments} on Query { __typename }`;
}

const FAN_OUT =
  '{ products(first: 5) { edges { node { id name relatedProducts(limit: 5) { id name relatedProducts(limit: 5) { id name } } } } } }';

describe('query limits that fragments, aliases and variables cannot get round', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('refuses the 40-fragment doubling chain in about the time of a trivial query while /health keeps answering', async () => {
    const query = fragmentChain(40);
    expect(query.length).toBeLessThan(2_500);
    await stack.query('{ __typename }'); // warm up the connection and the schema
    const health = stack.gatewayUrl.replace('/graphql', '/health');
    const startedAt = performance.now();
    const [result, healthy] = await Promise.all([
      stack.query(query).then((answer) => ({ answer, ms: performance.now() - startedAt })),
      fetch(health).then((answer) => ({
        status: answer.status,
        ms: performance.now() - startedAt,
      })),
    ]);
    expect(errorCodes(result.answer)).toEqual(['QUERY_TOO_COSTLY']);
    expect(healthy.status).toBe(200);
    expect(healthy.ms).toBeLessThan(250);
    // Timed over five new documents, each beside a trivial query sent just before it, so that
    // both see the same load: the fastest refusal must cost no more than 50 ms or a few trivial
    // round trips (on a machine busy with other work scheduling alone stretches both), and none
    // may take long. Before the fix a single document took minutes.
    const times: number[] = [result.ms];
    const trivial: number[] = [];
    for (let attempt = 1; attempt < 5; attempt += 1) {
      const baselineStartedAt = performance.now();
      await stack.query(`query Trivial${attempt} { __typename }`);
      trivial.push(performance.now() - baselineStartedAt);
      const startedAt = performance.now();
      const answer = await stack.query(fragmentChain(40, `G${attempt}_`));
      times.push(performance.now() - startedAt);
      expect(errorCodes(answer)).toEqual(['QUERY_TOO_COSTLY']);
    }
    expect(Math.min(...times)).toBeLessThan(Math.max(50, 4 * Math.min(...trivial)));
    expect(Math.max(...times)).toBeLessThan(1_000);
  });

  it('refuses the 125-product fan-out of nested relatedProducts by cost', async () => {
    expect(FAN_OUT.length).toBeLessThan(130);
    const result = await stack.query(FAN_OUT);
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COSTLY']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ limit: 5_000 });
    expect(result.data).toBeUndefined();
  });

  it('prices list sizes given as variables, so a variable cannot hide a fan-out', async () => {
    const query =
      'query ($n: Int!) { products(first: $n) { edges { node { relatedProducts(limit: $n) { relatedProducts(limit: $n) { id } } } } } }';
    expect(errorCodes(await stack.query(query, { n: 5 }))).toEqual(['QUERY_TOO_COSTLY']);
    expect((await stack.query(query, { n: 1 })).errors).toBeUndefined();
  });

  it('counts aliases and depth hidden in fragments and inline fragments', async () => {
    const aliases = Array.from({ length: 8 }, (_, index) => `a${index}: categories { id }`);
    const split = `{ ...A ... on Query { ${aliases.slice(4).join(' ')} } } fragment A on Query { ${aliases.slice(0, 4).join(' ')} ...B } fragment B on Query { ${aliases.map((alias) => `b${alias}`).join(' ')} }`;
    expect(errorCodes(await stack.query(split))).toEqual(['TOO_MANY_ALIASES']);
    const nested = (levels: number) =>
      `{ __schema { ...T } } fragment T on __Schema { types { fields { type { ${'... on __Type { ofType { '.repeat(levels)}name${' } }'.repeat(levels)} } } } }`;
    expect(errorCodes(await stack.query(nested(6)))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses a document with too many tokens before parsing it in full', async () => {
    const query = `{ ${'categories { id } '.repeat(600)} }`;
    const result = await stack.query(query);
    expect(errorCodes(result)).toEqual(['TOO_MANY_TOKENS']);
  });

  it('applies the same limits on a subgraph, even to a request the gateway signed', async () => {
    const { url } = stack.subgraphs.products;
    const call = (query: string) =>
      graphql(
        url,
        query,
        {},
        {
          headers: signGatewayRequest({
            audience: 'products',
            identity: null,
            requestId: 'limits-test-1',
            secret: stack.signingSecret,
            body: { query, variables: {} },
          }),
        },
      );
    expect(errorCodes(await call(FAN_OUT))).toEqual(['QUERY_TOO_COSTLY']);
    expect(errorCodes(await call(fragmentChain(40)))).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('counts refusals per limit in the metrics', async () => {
    const metrics = await (await fetch(stack.gatewayUrl.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(
      /graphql_query_limit_rejections_total\{code="QUERY_TOO_COSTLY",service="gateway"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /graphql_query_limit_rejections_total\{code="TOO_MANY_TOKENS",service="gateway"\} 1/,
    );
  });
});
