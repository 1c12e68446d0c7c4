/**
 * Our gateway beside its peers, in one run on this machine, over the same subgraphs, supergraph
 * and signing: ours, plain `@apollo/gateway`, Hive Gateway, Hive Gateway with the Rust query
 * planner (`@graphql-hive/router-runtime`) and Hive Gateway with in-flight deduplication.
 *
 *   npx tsx e2e/bench/gateway.bench.ts [--seconds 6] [--scale 10000] [--configs ours,apollo,…]
 *     [--clients 1,20] [--queries Q1,Q2,Q3]
 *
 * Processes: this one generates load; a child runs the products subgraph, another the other four
 * (seeded catalog, customers with 10-line carts); each gateway runs in its own child, all
 * started at the beginning and loaded one at a time: every row (query × clients) measures each
 * gateway in turn, who goes first rotating from row to row, so no configuration gets the
 * subgraphs warmer or colder than the others, and the CPU each process spends per request (from
 * /proc) is its own. mongo-java-server and redis-server are children of this process too. Per query and client count: requests/s, p50, p99, errors, CPU ms per
 * request of gateway, subgraphs, MongoDB server and Redis, and subgraph requests per query.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort, NODE_FLAGS, startTestInfrastructure } from '@shop/infra';
import type { StackReady } from './gateway/bench-stack.process';
import { nextMessage } from './gateway/child-messages';
import { QUERIES } from './gateway/bench-queries';
import { closedLoop, postQuery, type LoadResult } from './gateway/closed-loop';
import { cpuMs, descendants } from './gateway/process-cpu';

const CONFIGS = ['ours', 'apollo', 'hive', 'hive-rust', 'hive-dedup'] as const;
const SORTS = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC', 'POPULAR', 'RELEVANCE'];

interface Scenario {
  name: string;
  query: string;
  variables: (index: number) => Record<string, unknown>;
  /** Signed in as the client's own customer. */
  signedIn: boolean;
}

function scenarios(ready: StackReady): Scenario[] {
  const categories = ready.categoryIds;
  return [
    {
      name: 'Q1 products(first:20) in a category, identical',
      query: QUERIES.Q1,
      variables: () => ({ filter: { categoryId: categories[0] }, first: 20 }),
      signedIn: false,
    },
    {
      name: 'Q1 products(first:20), distinct listings',
      query: QUERIES.Q1,
      variables: (index) => ({
        filter: { categoryId: categories[index % categories.length] },
        sort: SORTS[Math.floor(index / categories.length) % SORTS.length],
        first: 20,
      }),
      signedIn: false,
    },
    {
      name: 'Q2 myCart, 10 lines × relatedProducts(3)',
      query: QUERIES.Q2,
      variables: () => ({}),
      signedIn: true,
    },
    {
      name: 'Q3 deepest cross-subgraph query',
      query: QUERIES.Q3,
      variables: () => ({}),
      signedIn: true,
    },
  ];
}

function child(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of every child there, for finding hot paths.
  const profile = env['BENCH_PROFILE']
    ? ['--cpu-prof', `--cpu-prof-dir=${env['BENCH_PROFILE']}`]
    : [];
  // The products subgraph starts as `npm start` starts it (infra/src/dev/node-flags.ts).
  const flags = script === 'products.process.ts' ? (NODE_FLAGS['products'] ?? []) : [];
  return fork(join(__dirname, 'gateway', script), args, {
    execArgv: [...flags, '--import', 'tsx', ...profile],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

async function subgraphCounts(processes: ChildProcess[]): Promise<Record<string, number>> {
  const replies = processes.map((process) => {
    const reply = nextMessage<{ counts: Record<string, number> }>(process, 'counts');
    process.send({ type: 'counts' });
    return reply;
  });
  const counts: Record<string, number> = {};
  for (const reply of await Promise.all(replies)) {
    // The stack's own products instance serves only the set-up; the products process the rest.
    for (const [name, count] of Object.entries(reply.counts)) counts[name] = count;
  }
  return counts;
}

interface Row extends LoadResult {
  config: string;
  scenario: string;
  clients: number;
  cpu: Record<string, number>;
  subgraphRequests: number;
  perSubgraph: string;
}

async function measure(
  config: string,
  url: string,
  scenario: Scenario,
  clients: number,
  seconds: number,
  context: {
    ready: StackReady;
    /** The stack first, the products process last: its count replaces the stack's products. */
    counted: ChildProcess[];
    pids: Record<string, number>;
    warmupSeconds: number;
  },
): Promise<Row> {
  const send = (client: number, index: number) =>
    postQuery(
      url,
      scenario.query,
      scenario.variables(index),
      scenario.signedIn ? context.ready.tokens[client % context.ready.tokens.length] : undefined,
    );
  await closedLoop(clients, context.warmupSeconds, send); // JIT, connections, caches
  const countsBefore = await subgraphCounts(context.counted);
  const cpuBefore = Object.fromEntries(
    Object.entries(context.pids).map(([n, pid]) => [n, cpuMs(pid)]),
  );
  const result = await closedLoop(clients, seconds, send);
  const cpuAfter = Object.fromEntries(
    Object.entries(context.pids).map(([n, pid]) => [n, cpuMs(pid)]),
  );
  const countsAfter = await subgraphCounts(context.counted);
  const per = (value: number) => Math.round((value / Math.max(1, result.requests)) * 100) / 100;
  const deltas = Object.entries(countsAfter).map(
    ([name, count]) => [name, count - (countsBefore[name] ?? 0)] as const,
  );
  return {
    config,
    scenario: scenario.name,
    clients,
    ...result,
    cpu: Object.fromEntries(
      Object.keys(context.pids).map((name) => [
        name,
        per((cpuAfter[name] ?? 0) - (cpuBefore[name] ?? 0)),
      ]),
    ),
    subgraphRequests: per(deltas.reduce((sum, [, count]) => sum + count, 0)),
    perSubgraph: deltas
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name} ${per(count)}`)
      .join(', '),
  };
}

/**
 * Runs every query through a throwaway gateway of ours for `seconds` before anything is
 * measured: the subgraphs' process has just seeded the catalog and built its read model, and
 * the first configuration measured would otherwise pay for their garbage and JIT warm-up.
 */
async function settle(ready: StackReady, seconds: number) {
  const gateway = child('gateway.process.ts', ['apollo'], {
    ...process.env,
    ...ready.env,
    BENCH_SUBGRAPH_URLS: JSON.stringify(ready.subgraphUrls),
  });
  const { url } = await nextMessage<{ url: string }>(gateway, 'ready');
  for (const scenario of scenarios(ready)) {
    await closedLoop(20, seconds / 4, (client, index) =>
      postQuery(url, scenario.query, scenario.variables(index), ready.tokens[client]),
    );
  }
  gateway.send({ type: 'stop' });
  await new Promise((resolve) => gateway.once('exit', resolve));
}

/** The first Q3 after the gateway started against the median of the next ten. */
async function coldPlanCost(url: string, token: string) {
  const time = async () => {
    const startedAt = performance.now();
    const error = await postQuery(url, QUERIES.Q3, {}, token);
    if (error) throw new Error(error);
    return performance.now() - startedAt;
  };
  const first = await time();
  const repeats: number[] = [];
  for (let index = 0; index < 10; index += 1) repeats.push(await time());
  repeats.sort((a, b) => a - b);
  return {
    firstMs: Math.round(first * 10) / 10,
    repeatedMs: Math.round((repeats[5] ?? 0) * 10) / 10,
  };
}

function table(rows: Row[]): string {
  const header =
    '| gateway | query | clients | req/s | p50 ms | p99 ms | errors | CPU ms/req: gateway | products | other subgraphs | mongo | redis | load gen | subgraph req/query |';
  const line =
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const body = rows.map((row) =>
    [
      row.config,
      row.scenario,
      row.clients,
      row.rps,
      row.p50,
      row.p99,
      row.errors,
      row.cpu['gateway'],
      row.cpu['products'],
      row.cpu['subgraphs'],
      row.cpu['mongo'],
      row.cpu['redis'],
      row.cpu['loadgen'],
      `${row.subgraphRequests} (${row.perSubgraph})`,
    ].join(' | '),
  );
  return [header, line, ...body.map((text) => `| ${text} |`)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '6' },
      scale: { type: 'string', default: '10000' },
      configs: { type: 'string', default: CONFIGS.join(',') },
      clients: { type: 'string', default: '1,20' },
      queries: { type: 'string', default: 'Q1,Q2,Q3' },
      warmup: { type: 'string', default: '2' },
    },
  });
  const seconds = Number(values.seconds);
  const configs = values.configs.split(',');
  const clientCounts = values.clients.split(',').map(Number);
  const wanted = values.queries.split(',');
  const infrastructure = await startTestInfrastructure();
  const productsPort = await findFreePort();
  const productsEnv = {
    ...process.env,
    PRODUCTS_DB: `bench_products_${Date.now()}`,
    PRODUCTS_BACKGROUND_TASKS: 'off',
  };
  const products = child('products.process.ts', [], {
    ...productsEnv,
    BENCH_PRODUCTS_PORT: String(productsPort),
  });
  const { url: productsUrl } = await nextMessage<{ url: string }>(products, 'ready');
  const stack = child('bench-stack.process.ts', [], {
    ...process.env,
    BENCH_SCALE: values.scale,
    BENCH_PRODUCTS_DB: productsEnv.PRODUCTS_DB,
    BENCH_PRODUCTS_ORIGIN: new URL(productsUrl).origin,
  });
  const rows: Row[] = [];
  const cold: Array<Record<string, unknown>> = [];
  try {
    const stackReady = await nextMessage<StackReady>(stack, 'ready');
    const ready: StackReady = {
      ...stackReady,
      subgraphUrls: { ...stackReady.subgraphUrls, products: productsUrl },
    };
    // The read model is built before anything is measured, as on a warm process.
    const built = nextMessage(products, 'built');
    products.send({ type: 'build' });
    await built;
    const servers = descendants(process.pid);
    const pids: Record<string, number> = {
      loadgen: process.pid,
      products: products.pid ?? 0,
      subgraphs: stack.pid ?? 0,
      mongo: servers.find((server) => server.name.includes('java'))?.pid ?? 0,
      redis: servers.find((server) => server.name.includes('redis'))?.pid ?? 0,
    };
    await settle(ready, 15);
    // Every gateway runs from the start, idle but for its turn: measured one after another on
    // each row, the configuration that went first no longer pays for the subgraphs' warm-up.
    const gateways: Array<{ config: string; process: ChildProcess; url: string }> = [];
    try {
      for (const config of configs) {
        const gateway = child('gateway.process.ts', [config], {
          ...process.env,
          ...ready.env,
          BENCH_SUBGRAPH_URLS: JSON.stringify(ready.subgraphUrls),
        });
        gateways.push({ config, process: gateway, url: '' });
        const { url } = await nextMessage<{ url: string }>(gateway, 'ready');
        (gateways.at(-1) as { url: string }).url = url;
        cold.push({ config, ...(await coldPlanCost(url, ready.tokens[0] ?? '')) });
      }
      const chosen = scenarios(ready).filter((scenario) =>
        wanted.some((prefix) => scenario.name.startsWith(prefix)),
      );
      let turn = 0;
      for (const scenario of chosen) {
        for (const clients of clientCounts) {
          // Who goes first rotates from row to row.
          const order = gateways.map((_, index) => gateways[(index + turn) % gateways.length]!);
          turn += 1;
          for (const gateway of order) {
            const row = await measure(
              gateway.config,
              gateway.url,
              scenario,
              clients,
              clients === 1 ? Math.max(2, seconds / 2) : seconds,
              {
                ready,
                counted: [stack, products],
                pids: { ...pids, gateway: gateway.process.pid ?? 0 },
                warmupSeconds: Number(values.warmup),
              },
            );
            rows.push(row);
            console.log(JSON.stringify(row));
          }
        }
      }
    } finally {
      for (const gateway of gateways) {
        gateway.process.send({ type: 'stop' });
        await new Promise((resolve) => gateway.process.once('exit', resolve));
      }
    }
    rows.sort((a, b) => configs.indexOf(a.config) - configs.indexOf(b.config));
    console.log(`\n${table(rows)}\n`);
    console.log('First StorefrontHome (Q3) after start vs repeated (median of 10):');
    console.table(cold);
  } finally {
    for (const process of [stack, products]) {
      process.send({ type: 'stop' });
      await new Promise((resolve) => process.once('exit', resolve));
    }
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
