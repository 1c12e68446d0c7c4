/**
 * Benchmark of partner webhook delivery: `--subscriptions` partner subscriptions (10) to one
 * local receiver, `--events` order-paid events written to the orders outbox at once (as
 * checkout writes them). Each event fans out to every subscription, so the receiver gets
 * events × subscriptions signed requests. Reports deliveries per second (first event written →
 * last request received) and the latency from the event's `occurredAt` to its receipt
 * (p50/p99/max), i.e. outbox relay + fan-out + queue + signing + HTTP.
 *
 *   cd e2e && npx tsx bench/webhooks.bench.ts [--events 200] [--subscriptions 10]
 *
 * Starts a private Redis and in-memory MongoDB-compatible server unless REDIS_URL / MONGODB_URI
 * are set. Receiver, stack and orders' webhook worker share one Node process.
 */
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { orderStatusChanged } from '@shop/contracts';
import { startTestInfrastructure } from '@shop/infra';
import { WebhookReceiver, waitFor } from '@shop/testing';
import { createSignedInUser, startStack } from '../src';
import { dataOf } from '../test/checkout-fixtures';
import { webhookClient } from '../test/webhook-fixtures';

function options() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '200' },
      subscriptions: { type: 'string', default: '10' },
    },
  });
  return { events: Number(values.events), subscriptions: Number(values.subscriptions) };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** One paid order, as the orders collection holds it for the relay: its id and its event. */
function paidOrder(index: number) {
  const _id = new Types.ObjectId();
  const event = orderStatusChanged.create({
    orderId: _id.toHexString(),
    number: `20261123-${String(900_000 + index)}`,
    buyerId: new Types.ObjectId().toHexString(),
    from: 'PENDING_PAYMENT',
    to: 'PAID',
    by: 'system',
    reason: null,
    at: new Date().toISOString(),
    sequence: 2,
  });
  const krw = (amount: number) => ({ amount, currency: 'KRW' });
  // What the buyer's confirmation mail (another consumer of the same relay) reads.
  const line = { productId: new Types.ObjectId().toHexString(), productName: 'Bench item' };
  return {
    _id,
    number: event.payload.number,
    status: 'PAID',
    buyerContact: { email: 'bench@example.test', name: 'Bench', phone: null, locale: 'ko' },
    lines: [{ ...line, quantity: 1, unitPrice: krw(10_000), lineTotal: krw(10_000) }],
    shippingFee: krw(3_000),
    total: krw(13_000),
    refunded: krw(0),
    payment: null,
    outbox: [event],
  };
}

async function main() {
  const settings = options();
  const infrastructure = await startTestInfrastructure();
  const receiver = await WebhookReceiver.start();
  const stack = await startStack({ LOG_LEVEL: 'warn' });
  try {
    const partner = await createSignedInUser(stack, { roles: ['PARTNER'] });
    const hooks = webhookClient(stack, partner.accessToken);
    const names = Array.from({ length: settings.subscriptions }, (_, i) => `bench-${i}`);
    for (const name of names) dataOf(await hooks.create(receiver.endpoint(name), ['ORDER_PAID']));
    const expected = settings.events * settings.subscriptions;
    const orders = Array.from({ length: settings.events }, (_, i) => paidOrder(i));
    const startedAt = Date.now();
    await stack.subgraphs.orders.subgraph.runtime.mongo.collection('orders').insertMany(orders);
    await waitFor(
      `${expected} deliveries`,
      async () => {
        const count = names.reduce((sum, name) => sum + receiver.received(name).length, 0);
        return count >= expected ? true : undefined;
      },
      { timeoutMs: 600_000, intervalMs: 20 },
    );
    const hits = names.flatMap((name) => receiver.received(name));
    const lastAt = Math.max(...hits.map((hit) => hit.at));
    const latencies = hits
      .map((hit) => hit.at - Date.parse((JSON.parse(hit.body) as { timestamp: string }).timestamp))
      .sort((a, b) => a - b);
    const wallMs = lastAt - startedAt;
    console.log(
      `${settings.events} events × ${settings.subscriptions} subscriptions = ${hits.length} deliveries ` +
        `in ${wallMs} ms: ${((hits.length / wallMs) * 1000).toFixed(0)} deliveries/s`,
    );
    console.log(
      `event → receipt p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, ` +
        `max ${latencies.at(-1)} ms`,
    );
    const logged = await stack.subgraphs.orders.subgraph.models.webhookDeliveries
      .find({}, { createdAt: 1, attempts: 1 })
      .lean();
    const requestMs = logged
      .flatMap((delivery) => delivery.attempts.map((attempt) => attempt.durationMs))
      .sort((a, b) => a - b);
    console.log(
      `one attempt's request (check, connect, answer) p50 ${percentile(requestMs, 50)} ms, ` +
        `p99 ${percentile(requestMs, 99)} ms`,
    );
    const fannedOutAt = Math.max(...logged.map((delivery) => delivery.createdAt.getTime()));
    console.log(
      `all ${logged.length} deliveries logged (fan-out done) after ${fannedOutAt - startedAt} ms`,
    );
    const duplicates = hits.length - new Set(hits.map((hit) => hit.headers['webhook-id'])).size;
    console.log(`duplicate webhook-ids received: ${duplicates}`);
  } finally {
    await stack.stop();
    await receiver.stop();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
