/**
 * Benchmark of first-come coupon claims through the gateway, at a number of concurrent
 * clients (100 by default), each a signed-in customer who claims again as soon as the previous
 * answer arrived:
 *
 * 1. winning claims: the clients walk through a row of running campaigns together, so every
 *    campaign is claimed by all clients at about the same moment (the hot-campaign case); each
 *    claim is a Redis Lua step, MongoDB's conditional `issued` increment and the coupon insert;
 * 2. sold-out claims: the clients hammer a campaign that is gone (Redis answers alone).
 *
 * Reports claims per second and the latency (p50, p99) of each, then checks the record: no
 * campaign holds more coupons than its quantity, `issued` equals the coupons written, and the
 * sold-out campaign holds exactly its quantity.
 *
 *   cd e2e && npx tsx bench/coupons.bench.ts [--seconds 20] [--clients 100]
 *
 * Starts a private Redis and in-memory MongoDB-compatible server unless REDIS_URL / MONGODB_URI
 * are set. Load generator and stack share one Node process, like the e2e tests.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startTestInfrastructure } from '@shop/infra';
import { createSignedInUser, keepAliveClient, startStack, type Stack } from '../src';
import { dataOf } from '../test/checkout-fixtures';
import { campaignInput, couponClient } from '../test/coupon-fixtures';

const CLAIM = `mutation ($id: ID!) { claimCoupon(campaignId: $id) { id } }`;
const CAMPAIGNS = 600;
const SOLD_OUT_QUANTITY = 50;

interface Phase {
  name: string;
  seconds: number;
  latencies: number[];
  codes: Map<string, number>;
}

function options() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '100' },
    },
  });
  return { seconds: Number(values.seconds), clients: Number(values.clients) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Every client claims campaign after campaign (`next` says which) until the time is up. */
async function load(
  stack: Stack,
  tokens: string[],
  name: string,
  seconds: number,
  next: (client: number, round: number) => string | undefined,
): Promise<Phase> {
  const pool = keepAliveClient(stack.gatewayUrl, tokens.length);
  const phase: Phase = { name, seconds, latencies: [], codes: new Map() };
  const count = (code: string) => phase.codes.set(code, (phase.codes.get(code) ?? 0) + 1);
  const deadline = performance.now() + seconds * 1_000;
  await Promise.all(
    tokens.map(async (token, client) => {
      for (let round = 0; performance.now() < deadline; round += 1) {
        const id = next(client, round);
        if (!id) break;
        const startedAt = performance.now();
        const answer = await pool.query<{ claimCoupon: { id: string } }>(CLAIM, { id }, token);
        phase.latencies.push(performance.now() - startedAt);
        count(
          answer.data?.claimCoupon
            ? 'CLAIMED'
            : String(answer.errors?.[0]?.extensions?.['code'] ?? answer.status),
        );
      }
    }),
  );
  pool.close();
  return phase;
}

function report(phase: Phase): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const codes = [...phase.codes].map(([code, n]) => `${code} ${n}`).join(', ');
  return (
    `| ${phase.name} | ${(phase.latencies.length / phase.seconds).toFixed(0)} | ` +
    `${ms(percentile(phase.latencies, 50))} | ${ms(percentile(phase.latencies, 99))} | ${codes} |`
  );
}

/** No campaign over its quantity, `issued` = coupons written, the sold-out one exactly full. */
async function checkRecord(stack: Stack, soldOutId: string): Promise<string> {
  const { couponCampaigns, coupons } = stack.subgraphs.orders.subgraph.models;
  const counts = await coupons.aggregate<{ _id: unknown; n: number }>([
    { $group: { _id: '$campaignId', n: { $sum: 1 } } },
  ]);
  const written = new Map(counts.map((row) => [String(row._id), row.n]));
  const campaigns = await couponCampaigns.find({}, { quantity: 1, issued: 1 }).lean();
  for (const campaign of campaigns) {
    const n = written.get(campaign._id.toHexString()) ?? 0;
    if (n > campaign.quantity || n !== campaign.issued) {
      throw new Error(
        `campaign ${campaign._id.toHexString()}: ${n} coupons, ${JSON.stringify(campaign)}`,
      );
    }
  }
  if (written.get(soldOutId) !== SOLD_OUT_QUANTITY) throw new Error('sold-out campaign not full');
  const total = [...written.values()].reduce((a, b) => a + b, 0);
  return `record checked: ${total} coupons in ${campaigns.length} campaigns, none over its quantity`;
}

async function main() {
  const settings = options();
  const infrastructure = await startTestInfrastructure();
  const stack = await startStack();
  try {
    const admin = couponClient(
      stack,
      (await createSignedInUser(stack, { roles: ['ADMIN'] })).accessToken,
    );
    const create = async (quantity: number) =>
      dataOf(await admin.createCampaign(campaignInput({ quantity }))).createCouponCampaign.id;
    const campaigns: string[] = [];
    for (let i = 0; i < CAMPAIGNS; i += 1) campaigns.push(await create(1_000_000));
    const soldOut = await create(SOLD_OUT_QUANTITY);
    const users = await Promise.all(
      Array.from({ length: settings.clients + 5 }, () => createSignedInUser(stack)),
    );
    const tokens = users.map((user) => user.accessToken);
    // Warm-up: JIT, pools, the sold-out campaign filled by the five spare users and then some.
    const warm = tokens.slice(settings.clients);
    await load(stack, warm, 'warm-up', 3, (_client, round) => campaigns[CAMPAIGNS - 1 - round]);
    const fillers = await Promise.all(
      Array.from({ length: SOLD_OUT_QUANTITY }, () => createSignedInUser(stack)),
    );
    await load(
      stack,
      fillers.map((user) => user.accessToken),
      'fill',
      5,
      (_c, round) => (round === 0 ? soldOut : undefined),
    );
    const clients = tokens.slice(0, settings.clients);
    const rows = [
      await load(
        stack,
        clients,
        'winning claims',
        settings.seconds,
        (_c, round) => campaigns[round],
      ),
      await load(stack, clients, 'sold-out claims', settings.seconds, () => soldOut),
    ];
    console.log(
      `claimCoupon through the gateway, ${settings.clients} concurrent clients, ${settings.seconds} s per row`,
    );
    console.log('| Phase | claims/s | p50 | p99 | answers |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(report(row));
    console.log(await checkRecord(stack, soldOut));
  } finally {
    await stack.stop();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
