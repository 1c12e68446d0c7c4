/**
 * Catalog benchmark over a generated catalog (100,000 products by default).
 *
 *   npx tsx e2e/bench/catalog.bench.ts [--scale 100000] [--requests 1000]
 *
 * Starts its own infrastructure (in-memory mongo-java-server and redis-server on free ports,
 * unless MONGODB_URI / REDIS_URL are set). The products subgraph runs in a child process of its
 * own, as in production (`gateway/products.process.ts`); the other four subgraphs, the gateway
 * and the load generator run in this one. Seeds the catalog, builds the read model, then
 * measures listing and search latency at 1 and 20 concurrent clients, through the gateway and
 * directly against the products subgraph, and counts database queries per `_entities` batch
 * of 50 products.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, NODE_FLAGS, startTestInfrastructure } from '@shop/infra';
import { signGatewayRequest } from '@shop/auth';
import { startStack, type Stack } from '../src';
import { postGraphql, runLoad, type LatencySummary, type RequestSigner } from './catalog-load';
import { nextMessage } from './gateway/child-messages';

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

/** Requests per scenario and target before anything is measured. */
const WARM_UP_REQUESTS = 500;

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

async function scenarios(stack: Stack, productsUrl: string): Promise<Scenario[]> {
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
    const first = await postGraphql(productsUrl, LIST, combo, productsSigner(stack));
    const cursor = (first.data as { products: { pageInfo: { endCursor: string } } }).products
      .pageInfo.endCursor;
    second.push({ ...combo, after: cursor });
  }
  const pick = <T>(items: T[], index: number) => items[index % items.length] as T;
  // Filters with no category: the memory listing scans a catalog-wide ordering for them.
  const sample = await postGraphql(
    productsUrl,
    '{ products(first: 1, sort: PRICE_DESC) { edges { node { tags price { amount } } } } }',
    {},
    productsSigner(stack),
  );
  const node = (
    sample.data as {
      products: { edges: Array<{ node: { tags: string[]; price: { amount: number } } }> };
    }
  ).products.edges[0]?.node;
  const tags = node?.tags ?? [];
  const price = node?.price.amount ?? 100_000;
  const narrow = [
    { tags: tags.slice(-1) },
    { tags },
    { minPrice: Math.round(price * 0.95), maxPrice: price },
    { stockStatus: ['LOW_STOCK'] },
  ];
  const filtered = narrow.flatMap((filter) => SORTS.map((sort) => ({ filter, sort })));
  return [
    {
      name: 'listing, first page (category × sort)',
      variables: (i) => pick(combos, i),
    },
    { name: 'listing, second page (cursor, uncached)', variables: (i) => pick(second, i) },
    {
      name: 'listing, first page, by tag(s), price band or stock alone (× sort)',
      variables: (i) => pick(filtered, i),
    },
    {
      name: 'search (8 queries, Korean/English/typo)',
      variables: (i) => ({ filter: { search: pick(SEARCHES, i) } }),
    },
  ];
}

/** The products subgraph's child process, answering the requests of `products.process.ts`. */
class ProductsProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(env: NodeJS.ProcessEnv): ProductsProcess {
    const child = fork(join(__dirname, 'gateway', 'products.process.ts'), [], {
      execArgv: [...(NODE_FLAGS['products'] ?? []), '--import', 'tsx', '--expose-gc'],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ProductsProcess(child);
  }

  /** Sends `type` (with `fields`) and waits for the child's `answer`. */
  ask<T>(type: string, answer: string, fields: object = {}): Promise<T> {
    const reply = nextMessage<T>(this.child, answer);
    this.child.send({ type, ...fields });
    return reply;
  }

  /** The child's next `type` message, unasked (its `ready`). */
  next<T>(type: string): Promise<T> {
    return nextMessage<T>(this.child, type);
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' });
    await exited;
  }
}

async function entitiesQueries(
  products: ProductsProcess,
  url: string,
  sign: RequestSigner,
): Promise<{ cold: string[]; warm: string[] }> {
  const { ids } = await products.ask<{ ids: string[] }>('sample', 'sample');
  const call = async () => {
    await products.ask('watch', 'watching');
    const result = await postGraphql(
      url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sku stockStatus category { slug } } } }',
      { r: ids.map((id) => ({ __typename: 'Product', id })) },
      sign,
    );
    if (!result.ok) throw new Error('_entities failed');
    return (await products.ask<{ seen: string[] }>('queries', 'queries')).seen;
  };
  const cold = await call();
  const warm = await call();
  return { cold, warm };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '1000' },
    },
  });
  const scale = Number(values.scale);
  const requests = Number(values.requests);
  const infra = await startTestInfrastructure();
  const productsPort = await findFreePort();
  const productsDb = `bench_catalog_${Date.now()}`;
  const products = ProductsProcess.start({
    ...process.env,
    PRODUCTS_DB: productsDb,
    // The outbox relay and sweepers would add their own queries to the `_entities` count.
    PRODUCTS_BACKGROUND_TASKS: 'off',
    BENCH_PRODUCTS_PORT: String(productsPort),
  });
  const { url: productsUrl } = await products.next<{ url: string }>('ready');
  const stack = await startStack(
    { PRODUCTS_DB: productsDb, PRODUCTS_INTERNAL_URL: new URL(productsUrl).origin },
    { external: { products: productsPort } },
  );
  try {
    let startedAt = Date.now();
    const { inserted } = await products.ask<{ inserted: number }>('seed', 'seeded', { scale });
    console.log(`seeded ${inserted} products in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    startedAt = Date.now();
    const heapBefore = (await products.ask<{ bytes: number }>('heap', 'heap')).bytes;
    await products.ask('build', 'built');
    console.log(`read model built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const heapAfter = (await products.ask<{ bytes: number }>('heap', 'heap')).bytes;
    console.log(
      `read model (documents, sort orders, search index): ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB of heap`,
    );
    const targets = {
      gateway: { url: stack.gatewayUrl, sign: undefined },
      subgraph: { url: productsUrl, sign: productsSigner(stack) },
    };
    const rows: Array<Record<string, unknown>> = [];
    const all = await scenarios(stack, productsUrl);
    // Unmeasured warm-up of every scenario on both targets: JIT, connections, the plans of the
    // gateway and the first collections of a heap that has just taken the read model in.
    for (const scenario of all) {
      for (const { url, sign } of Object.values(targets)) {
        await runLoad(
          20,
          WARM_UP_REQUESTS,
          async (index) => (await postGraphql(url, LIST, scenario.variables(index), sign)).ok,
        );
      }
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
    const entities = await entitiesQueries(products, productsUrl, productsSigner(stack));
    console.log(
      `_entities batch of 50: cold ${entities.cold.length} queries (${entities.cold.join(', ') || 'none'}), warm ${entities.warm.length} (${entities.warm.join(', ') || 'none'})`,
    );
  } finally {
    await stack.stop();
    await products.stop();
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
