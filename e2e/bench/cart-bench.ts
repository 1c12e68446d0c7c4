/**
 * Benchmark of `myCart` through the gateway: carts of 10 lines, 20 concurrent clients (each its
 * own signed-in customer), product fields resolved by the products subgraph. Reports latency
 * percentiles, Redis commands per myCart (INFO commandstats) and requests each subgraph served
 * per myCart, with how long the subgraph took (measured on their HTTP servers).
 *
 *   cd e2e && npx tsx bench/cart-bench.ts [--seconds 20] [--clients 20] [--lines 10]
 *
 * Starts a private Redis and in-memory MongoDB-compatible server unless REDIS_URL / MONGODB_URI
 * are set. Load generator and stack share one Node process, like the e2e tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startTestInfrastructure } from '@shop/infra';
import { createSignedInUser, startStack, type Stack } from '../src';
import { CartCatalog, cartClient } from '../test/cart-fixtures';

const MY_CART = `{ myCart { id itemCount
  subtotal { amount currency } shippingFee { amount } total { amount currency }
  items { quantity stockStatus purchasable unitPrice { amount } lineTotal { amount }
    product { id name price { amount currency } stockStatus } } } }`;

interface Options {
  seconds: number;
  clients: number;
  lines: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '20' },
      lines: { type: 'string', default: '10' },
    },
  });
  return {
    seconds: Number(values.seconds),
    clients: Number(values.clients),
    lines: Number(values.lines),
  };
}

/** Signed-in customers, each with a cart of `lines` distinct products. */
async function customersWithCarts(stack: Stack, { clients, lines }: Options): Promise<string[]> {
  const catalog = await CartCatalog.seed(stack, clients * lines + 10);
  const products = await Promise.all(
    Array.from({ length: lines }, (_, index) => catalog.take({ price: 1_000 * (index + 1) })),
  );
  return Promise.all(
    Array.from({ length: clients }, async () => {
      const user = await createSignedInUser(stack);
      const cart = cartClient(stack, user.accessToken);
      for (const productId of products) {
        const result = await cart.add(productId, 2);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
      return user.accessToken;
    }),
  );
}

/** Durations (ms) of the requests each subgraph serves from now on, by subgraph and path. */
function timeSubgraphRequests(stack: Stack): Map<string, number[]> {
  const durations = new Map<string, number[]>();
  for (const [name, running] of Object.entries(stack.subgraphs)) {
    // Prepended, so it sees the URL before express rewrites it for mounted routers.
    running.subgraph.http.httpServer.prependListener(
      'request',
      (req: IncomingMessage, res: ServerResponse) => {
        const key = `${name} ${req.method} ${req.url}`;
        const startedAt = performance.now();
        res.once('finish', () => {
          const list = durations.get(key) ?? [];
          list.push(performance.now() - startedAt);
          durations.set(key, list);
        });
      },
    );
  }
  return durations;
}

async function outboxDrained(stack: Stack): Promise<void> {
  const outboxKey = `${String(stack.env['CART_KEY_PREFIX'])}outbox:events`;
  while ((await stack.redis.hlen(outboxKey)) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function commandStats(stack: Stack): Promise<Map<string, number>> {
  const info = await stack.redis.info('commandstats');
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls.set(match[1] as string, Number(match[2]));
  }
  return calls;
}

async function myCart(stack: Stack, token: string): Promise<void> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: MY_CART }),
  });
  const body = (await response.json()) as { errors?: unknown; data?: { myCart?: unknown } };
  if (body.errors || !body.data?.myCart) throw new Error(JSON.stringify(body.errors));
}

/** Each client asks for its cart again as soon as the previous answer arrived. */
async function load(stack: Stack, tokens: string[], seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1_000;
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < deadline) {
        const startedAt = performance.now();
        try {
          await myCart(stack, token);
          latencies.push(performance.now() - startedAt);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function report(
  run: { latencies: number[]; errors: number },
  seconds: number,
  redisCalls: Map<string, number>,
  subgraphRequests: Map<string, number[]>,
) {
  const count = run.latencies.length;
  const perRequest = (total: number) => (total / count).toFixed(2);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `myCart requests: ${count} ok, ${run.errors} failed, ${(count / seconds).toFixed(0)}/s`,
  );
  console.log(
    `latency p50 ${ms(percentile(run.latencies, 50))}, p90 ${ms(percentile(run.latencies, 90))}, ` +
      `p99 ${ms(percentile(run.latencies, 99))}, max ${ms(run.latencies.at(-1) ?? NaN)}`,
  );
  const redisTotal = [...redisCalls.values()].reduce((sum, calls) => sum + calls, 0);
  console.log(`Redis commands per myCart: ${perRequest(redisTotal)}`);
  for (const [command, calls] of [...redisCalls].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${command}: ${perRequest(calls)} (${calls})`);
  }
  const subgraphTotal = [...subgraphRequests.values()].reduce((sum, list) => sum + list.length, 0);
  console.log(`Subgraph requests per myCart: ${perRequest(subgraphTotal)}`);
  for (const [route, list] of subgraphRequests) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `  ${route}: ${perRequest(list.length)} (${list.length}), served in ` +
        `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}`,
    );
  }
}

function difference(after: Map<string, number>, before: Map<string, number>) {
  const delta = new Map<string, number>();
  for (const [key, value] of after) {
    const change = value - (before.get(key) ?? 0);
    if (change > 0) delta.set(key, change);
  }
  return delta;
}

async function main() {
  const settings = options();
  const infrastructure = await startTestInfrastructure();
  const stack = await startStack();
  try {
    const tokens = await customersWithCarts(stack, settings);
    await outboxDrained(stack); // the setup's cart.item.added events are not part of myCart
    await load(stack, tokens, 2); // warm-up: JIT, connection pools, script cache
    const requests = timeSubgraphRequests(stack);
    const before = await commandStats(stack);
    const run = await load(stack, tokens, settings.seconds);
    const after = await commandStats(stack);
    const redisCalls = difference(after, before);
    redisCalls.set('info', (redisCalls.get('info') ?? 0) - 1); // our own second INFO
    if (!redisCalls.get('info')) redisCalls.delete('info');
    console.log(
      `myCart, ${settings.lines} lines, ${settings.clients} concurrent clients, ${settings.seconds} s`,
    );
    report(run, settings.seconds, redisCalls, requests);
  } finally {
    await stack.stop();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
