/**
 * Benchmark of checkout through the gateway: each client is its own signed-in customer with a
 * funded balance who, as soon as the previous answer arrived, places an order of one unit
 * (createOrder with explicit lines) and pays it from the balance (payOrder). Every tenth order
 * also takes a unit of a product with only 20 units, so it sells out during the run. Reports
 * orders created and paid per second and the latency of the pair (p50, p99), at each client
 * count, then checks that nothing was oversold: for every product, the units of PAID orders
 * are exactly what left its stock, the units of unpaid orders exactly what it holds reserved,
 * and no count is negative.
 *
 *   cd e2e && npx tsx bench/checkout.bench.ts [--seconds 20] [--clients 20,50]
 *
 * Starts a private Redis and in-memory MongoDB-compatible server unless REDIS_URL / MONGODB_URI
 * are set. Load generator and stack share one Node process, like the e2e tests.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startTestInfrastructure } from '@shop/infra';
import { createSignedInUser, keepAliveClient, startStack, type Stack } from '../src';
import { CartCatalog } from '../test/cart-fixtures';
import { ADDRESS, customer, dataOf } from '../test/checkout-fixtures';

/** What a checkout page needs back: the order's id and total, then the payment's outcome. */
const CREATE_ORDER = `mutation ($input: CreateOrderInput!, $key: String!) {
  createOrder(input: $input, idempotencyKey: $key) { id number total { amount } } }`;
const PAY_ORDER = `mutation ($orderId: ID!, $key: String!) {
  payOrder(orderId: $orderId, input: { method: BALANCE }, idempotencyKey: $key) {
    order { id status } payment { status failureCode } } }`;

interface Created {
  createOrder: { id: string };
}
interface Paid {
  payOrder: { order: { status: string }; payment: { failureCode: string | null } };
}

const LIMITED_UNITS = 20;

interface Run {
  clients: number;
  seconds: number;
  pairs: number[];
  creates: number[];
  pays: number[];
  soldOut: number;
  errors: Map<string, number>;
}

function options() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '20,50' },
    },
  });
  return { seconds: Number(values.seconds), clients: values.clients.split(',').map(Number) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function fundedCustomers(stack: Stack, count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const buyer = await customer(stack);
      // 3,000,000 KRW: far more than a client can spend in a run at 13,000 per order.
      for (let top = 0; top < 3; top += 1) dataOf(await buyer.checkout.chargeBalance(1_000_000));
      return buyer.accessToken;
    }),
  );
}

/** Each client orders and pays one order after another until the time is up. */
async function load(
  stack: Stack,
  tokens: string[],
  products: string[],
  limited: string,
  seconds: number,
) {
  const pool = keepAliveClient(stack.gatewayUrl, tokens.length);
  const run: Run = {
    clients: tokens.length,
    seconds,
    pairs: [],
    creates: [],
    pays: [],
    soldOut: 0,
    errors: new Map(),
  };
  const fail = (code: unknown) =>
    run.errors.set(String(code), (run.errors.get(String(code)) ?? 0) + 1);
  const deadline = performance.now() + seconds * 1_000;
  let placed = 0;
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < deadline) {
        placed += 1;
        const product = products[placed % products.length] ?? '';
        const items = [{ productId: product, quantity: 1 }];
        if (placed % 10 === 0) items.push({ productId: limited, quantity: 1 });
        const startedAt = performance.now();
        const input = { items, shippingAddress: ADDRESS };
        const created = await pool.query<Created>(
          CREATE_ORDER,
          { input, key: randomUUID() },
          token,
        );
        const order = created.data?.createOrder;
        if (!order) {
          const code = created.errors?.[0]?.extensions?.['code'];
          if (code === 'OUT_OF_STOCK') run.soldOut += 1;
          else fail(code);
          continue;
        }
        const createdAt = performance.now();
        const paid = await pool.query<Paid>(
          PAY_ORDER,
          { orderId: order.id, key: randomUUID() },
          token,
        );
        if (paid.data?.payOrder.order.status !== 'PAID') {
          fail(paid.errors?.[0]?.extensions?.['code'] ?? paid.data?.payOrder.payment.failureCode);
          continue;
        }
        const paidAt = performance.now();
        run.creates.push(createdAt - startedAt);
        run.pays.push(paidAt - createdAt);
        run.pairs.push(paidAt - startedAt);
      }
    }),
  );
  pool.close();
  return run;
}

/** Units of each product in orders of each status, from the orders database. */
async function unitsByStatus(stack: Stack) {
  const rows = await stack.subgraphs.orders.subgraph.models.orders.aggregate<{
    _id: { productId: string; status: string };
    units: number;
  }>([
    { $unwind: '$lines' },
    {
      $group: {
        _id: { productId: '$lines.productId', status: '$status' },
        units: { $sum: '$lines.quantity' },
      },
    },
  ]);
  const units = new Map<string, { paid: number; unpaid: number }>();
  for (const row of rows) {
    const entry = units.get(row._id.productId) ?? { paid: 0, unpaid: 0 };
    if (row._id.status === 'PAID') entry.paid += row.units;
    if (row._id.status === 'PENDING_PAYMENT') entry.unpaid += row.units;
    units.set(row._id.productId, entry);
  }
  return units;
}

/** Nothing sold twice, nothing sold that was not there: throws on the first product that fails. */
async function checkNoOversell(stack: Stack, initial: Map<string, number>): Promise<string> {
  const units = await unitsByStatus(stack);
  const products = stack.subgraphs.products.subgraph.models.products;
  for (const [productId, onHandBefore] of initial) {
    const product = await products.findById(productId, { stock: 1 }).lean();
    const { paid, unpaid } = units.get(productId) ?? { paid: 0, unpaid: 0 };
    const stock = product?.stock;
    const consistent =
      stock &&
      stock.onHand === onHandBefore - paid &&
      stock.reserved === unpaid &&
      stock.available === stock.onHand - stock.reserved &&
      stock.onHand >= 0 &&
      stock.available >= 0;
    if (!consistent) {
      throw new Error(
        `oversold ${productId}: ${JSON.stringify({ onHandBefore, paid, unpaid, stock })}`,
      );
    }
  }
  return `no oversell: every product's stock matches its paid and unpaid orders`;
}

function report(run: Run): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const errors = [...run.errors].map(([code, count]) => `${code} ${count}`).join(', ') || 'none';
  return (
    `| ${run.clients} | ${(run.pairs.length / run.seconds).toFixed(1)} | ${ms(percentile(run.pairs, 50))} | ` +
    `${ms(percentile(run.pairs, 99))} | ${ms(percentile(run.creates, 50))} / ${ms(percentile(run.creates, 99))} | ` +
    `${ms(percentile(run.pays, 50))} / ${ms(percentile(run.pays, 99))} | ${run.soldOut} | ${errors} |`
  );
}

async function main() {
  const settings = options();
  const infrastructure = await startTestInfrastructure();
  const stack = await startStack();
  try {
    const catalog = await CartCatalog.seed(stack, 20);
    const products = await Promise.all(
      Array.from({ length: 10 }, () => catalog.take({ price: 10_000, available: 1_000_000 })),
    );
    const limited = await catalog.take({ price: 10_000, available: LIMITED_UNITS });
    const initial = new Map([
      ...products.map((id) => [id, 1_000_000] as const),
      [limited, LIMITED_UNITS],
    ]);
    const tokens = await fundedCustomers(stack, Math.max(...settings.clients));
    await createSignedInUser(stack); // warms the users path once more
    await load(stack, tokens.slice(0, 5), products, limited, 3); // warm-up: JIT, pools, indexes
    const rows: string[] = [];
    for (const clients of settings.clients) {
      rows.push(
        report(await load(stack, tokens.slice(0, clients), products, limited, settings.seconds)),
      );
    }
    console.log(
      `checkout (createOrder + payOrder BALANCE) through the gateway, ${settings.seconds} s per row`,
    );
    console.log(
      '| Clients | orders/s | p50 | p99 | createOrder p50 / p99 | payOrder p50 / p99 | OUT_OF_STOCK | other errors |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
    console.log(await checkNoOversell(stack, initial));
  } finally {
    await stack.stop();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
