/**
 * Benchmark of a burst of inquiries through the gateway: `--inquiries` createInquiry calls sent
 * at once by 20 customers to one team of `--agents` agents. Reports the wall time, latency
 * percentiles, the support subgraph's MongoDB round trips by command and collection (claim
 * rounds included), and the resulting per-agent loads.
 *
 *   cd e2e && npx tsx bench/support-intake.bench.ts [--inquiries 200] [--agents 6]
 *
 * Starts a private Redis and in-memory MongoDB-compatible server unless REDIS_URL / MONGODB_URI
 * are set. Load generator and stack share one Node process, like the e2e tests.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startTestInfrastructure } from '@shop/infra';
import { startStack, type Stack } from '../src';
import { SupportDesk } from '../test/support-fixtures';

function options() {
  const { values } = parseArgs({
    options: {
      inquiries: { type: 'string', default: '200' },
      agents: { type: 'string', default: '6' },
    },
  });
  return { inquiries: Number(values.inquiries), agents: Number(values.agents) };
}

/** Counts the support subgraph's MongoDB commands from now on, by command and collection. */
function countCommands(stack: Stack): Map<string, number> {
  const counts = new Map<string, number>();
  stack.subgraphs.support.subgraph.runtime.mongo
    .getClient()
    .on('commandStarted', (event: { commandName: string; command: Record<string, unknown> }) => {
      const key = `${event.commandName} ${String(event.command[event.commandName])}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  return counts;
}

async function burst(desk: SupportDesk, inquiries: number) {
  const customers = await Promise.all(Array.from({ length: 20 }, () => desk.person()));
  const latencies: number[] = [];
  const startedAt = performance.now();
  const results = await Promise.all(
    Array.from({ length: inquiries }, async (_, index) => {
      const sent = performance.now();
      const result = await desk.createInquiry(customers[index % customers.length] ?? null, {
        category: 'ORDER',
      });
      latencies.push(performance.now() - sent);
      return result;
    }),
  );
  const wallMs = performance.now() - startedAt;
  return { results, wallMs, latencies: latencies.sort((a, b) => a - b) };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const settings = options();
  const infrastructure = await startTestInfrastructure();
  const stack = await startStack({ LOG_LEVEL: 'warn' });
  try {
    const desk = await SupportDesk.open(stack);
    const agents = await Promise.all(
      Array.from({ length: settings.agents }, () => desk.agent(['ORDERS'])),
    );
    const commands = countCommands(stack);
    const run = await burst(desk, settings.inquiries);
    const failed = run.results.filter((result) => result.errors).length;
    const assigned = run.results.filter((result) => result.data?.createInquiry.assignee).length;
    const loads = await stack.subgraphs.support.subgraph.models.agents
      .find({ _id: { $in: agents.map((agent) => agent.id) } }, { openCount: 1 })
      .lean();
    const counts = loads.map((agent) => agent.openCount);
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      `${settings.inquiries} concurrent createInquiry, ${settings.agents} agents: ` +
        `${ms(run.wallMs)} wall, ${failed} failed, ${assigned} assigned`,
    );
    console.log(
      `latency p50 ${ms(percentile(run.latencies, 50))}, p90 ${ms(percentile(run.latencies, 90))}, ` +
        `max ${ms(run.latencies.at(-1) ?? NaN)}`,
    );
    console.log(
      `per-agent loads ${counts.join(', ')} (spread ${Math.max(...counts) - Math.min(...counts)})`,
    );
    console.log(`support MongoDB commands per inquiry:`);
    for (const [command, count] of [...commands].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${command}: ${(count / settings.inquiries).toFixed(2)} (${count})`);
    }
  } finally {
    await stack.stop();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
