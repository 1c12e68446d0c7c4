/**
 * Catalog benchmark over a generated catalog (100,000 products by default).
 *
 *   npx tsx --expose-gc e2e/bench/catalog.bench.ts [--scale 100000] [--requests 200]
 *
 * Starts its own infrastructure (in-memory mongo-java-server and redis-server on free ports,
 * unless MONGODB_URI / REDIS_URL are set), the five subgraphs and the gateway in this process,
 * seeds the catalog, then measures listing and search latency at 1 and 20 concurrent clients,
 * through the gateway and directly against the products subgraph, and counts database queries
 * per `_entities` batch of 50 products.
 */
import { parseArgs } from 'node:util';
import { startTestInfrastructure } from '@shop/infra';
import { signGatewayRequest } from '@shop/auth';
import { seedCatalog } from '@shop/products-subgraph';
import { startStack, type Stack } from '../src';
import { postGraphql, runLoad, type LatencySummary, type RequestSigner } from './catalog-load';

/** Subgraphs answer only the gateway: direct calls are signed, each with its own nonce. */
function productsSigner(stack: Stack): RequestSigner {
  return (body) =>
    signGatewayRequest({
      audience: 'products',
      identity: null,
      requestId: `bench-${Date.now()}`,
      secret: stack.signingSecret,
      body,
    });
}

const SORTS = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC', 'POPULAR', 'RELEVANCE'];
const SEARCHES = [
  '무선 헤드폰',
  'air purifier',
  'keyboard',
  '요가 매트',
  'purifer',
  'aurora wireless',
  '로봇 청소기',
  'camping tent',
];
const LIST = `query ($filter: ProductFilter, $sort: ProductSort, $after: String) {
  products(filter: $filter, sort: $sort, first: 20, after: $after) {
    totalCount pageInfo { endCursor } edges { node { id name price { amount currency } stockStatus } }
  }
}`;

interface Scenario {
  name: string;
  variables: (index: number) => Record<string, unknown>;
}

async function scenarios(stack: Stack): Promise<Scenario[]> {
  const categories = await stack.query<{ categories: Array<{ id: string }> }>(
    '{ categories { id } }',
  );
  const categoryIds = categories.data?.categories.map((category) => category.id) ?? [];
  const combos = categoryIds.flatMap((categoryId) =>
    SORTS.map((sort) => ({ filter: { categoryId }, sort })),
  );
  // Second pages (cursor, never cached) of every category × sort.
  const second: Array<Record<string, unknown>> = [];
  for (const combo of combos) {
    const first = await postGraphql(
      stack.subgraphs.products.url,
      LIST,
      combo,
      productsSigner(stack),
    );
    const cursor = (first.data as { products: { pageInfo: { endCursor: string } } }).products
      .pageInfo.endCursor;
    second.push({ ...combo, after: cursor });
  }
  const pick = <T>(items: T[], index: number) => items[index % items.length] as T;
  return [
    {
      name: 'listing, first page (category × sort)',
      variables: (i) => pick(combos, i),
    },
    { name: 'listing, second page (cursor, uncached)', variables: (i) => pick(second, i) },
    {
      name: 'search (8 queries, Korean/English/typo)',
      variables: (i) => ({ filter: { search: pick(SEARCHES, i) } }),
    },
  ];
}

async function entitiesQueries(stack: Stack): Promise<{ cold: string[]; warm: string[] }> {
  const { subgraph, url } = stack.subgraphs.products;
  const ids = (
    await subgraph.runtime.mongo
      .collection('products')
      .find({}, { projection: { _id: 1 } })
      .skip(
        Math.floor(
          (await subgraph.runtime.mongo.collection('products').estimatedDocumentCount()) / 2,
        ),
      )
      .limit(50)
      .toArray()
  ).map((row) => row._id.toHexString());
  const finds: string[] = [];
  const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
    if (event.commandName === 'find' || event.commandName === 'aggregate')
      finds.push(String(event.command[event.commandName]));
  };
  const call = async () => {
    finds.length = 0;
    const result = await postGraphql(
      url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sku stockStatus category { slug } } } }',
      { r: ids.map((id) => ({ __typename: 'Product', id })) },
      productsSigner(stack),
    );
    if (!result.ok) throw new Error('_entities failed');
    // Background tasks (outbox relay, sweeper) also query; keep only what the request asked.
    return finds.filter((collection) => collection === 'products' || collection === 'categories');
  };
  subgraph.runtime.mongo.getClient().on('commandStarted', listener);
  const cold = await call();
  const warm = await call();
  subgraph.runtime.mongo.getClient().off('commandStarted', listener);
  return { cold: [...cold], warm: [...warm] };
}

/**
 * Builds the products read model (search index, documents, sort orders) before measuring, as
 * a process that has served its first request has; a build interrupted by a slow MongoDB
 * round trip is tried again.
 */
async function buildReadModel(stack: Stack): Promise<void> {
  const { searchIndex } = stack.subgraphs.products.subgraph.services;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await searchIndex.ensureReady();
      return;
    } catch (error) {
      console.log(`read model build attempt ${attempt} failed: ${String(error)}`);
      if (attempt === 3) throw error;
    }
  }
}

/** Heap in use once garbage is collected (with --expose-gc), for the read model's size. */
function settledHeap(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '200' },
    },
  });
  const scale = Number(values.scale);
  const requests = Number(values.requests);
  const infra = await startTestInfrastructure();
  const stack = await startStack({ PRODUCTS_BACKGROUND_TASKS: 'on' });
  try {
    let startedAt = Date.now();
    const { inserted } = await seedCatalog(stack.subgraphs.products.subgraph.runtime.mongo, scale);
    console.log(`seeded ${inserted} products in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    startedAt = Date.now();
    const heapBefore = settledHeap();
    await buildReadModel(stack);
    console.log(`read model built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const heapAfter = settledHeap();
    console.log(
      `read model (documents, sort orders, search index): ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB of heap` +
        (global.gc ? '' : ' (run with --expose-gc for a settled figure)'),
    );
    const targets = {
      gateway: { url: stack.gatewayUrl, sign: undefined },
      subgraph: { url: stack.subgraphs.products.url, sign: productsSigner(stack) },
    };
    const rows: Array<Record<string, unknown>> = [];
    const all = await scenarios(stack);
    // Unmeasured warm-up of every scenario: JIT, connections, and the garbage of the build.
    for (const scenario of all) {
      await runLoad(
        20,
        100,
        async (index) =>
          (
            await postGraphql(
              targets.subgraph.url,
              LIST,
              scenario.variables(index),
              targets.subgraph.sign,
            )
          ).ok,
      );
    }
    for (const scenario of all) {
      for (const [target, { url, sign }] of Object.entries(targets)) {
        for (const concurrency of [1, 20]) {
          const total = concurrency === 1 ? Math.max(20, Math.round(requests / 4)) : requests;
          const summary: LatencySummary = await runLoad(
            concurrency,
            total,
            async (index) => (await postGraphql(url, LIST, scenario.variables(index), sign)).ok,
          );
          rows.push({ scenario: scenario.name, target, ...summary });
          console.log(JSON.stringify(rows.at(-1)));
        }
      }
    }
    console.table(
      rows.map(({ scenario, target, concurrency, requests: n, errors, p50, p99, throughput }) => ({
        scenario,
        target,
        concurrency,
        requests: n,
        errors,
        'p50 ms': p50,
        'p99 ms': p99,
        'req/s': throughput,
      })),
    );
    const entities = await entitiesQueries(stack);
    console.log(
      `_entities batch of 50: cold ${entities.cold.length} queries (${entities.cold.join(', ') || 'none'}), warm ${entities.warm.length} (${entities.warm.join(', ') || 'none'})`,
    );
  } finally {
    await stack.stop();
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
