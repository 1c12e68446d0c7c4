/**
 * How fast the gateway refuses a fragment chain, and whether /health keeps answering meanwhile.
 *
 *   npx tsx e2e/bench/query-limits.bench.ts [--fragments 40] [--requests 50]
 *
 * Starts its own infrastructure and the stack in this process, sends `requests` new documents
 * (each fragment chain with its own names, so no document cache helps) one after another, each
 * with a concurrent GET /health, and prints latency percentiles of both.
 */
import { parseArgs } from 'node:util';
import { startTestInfrastructure } from '@shop/infra';
import { startStack } from '../src';

function chain(fragments: number, name: string): string {
  const body = Array.from(
    { length: fragments },
    (_, i) => `fragment ${name}${i} on Query { __typename ...${name}${i + 1} ...${name}${i + 1} }`,
  );
  return `{ ...${name}0 } ${body.join(' ')} fragment ${name}${fragments} on Query { __typename }`;
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const round = (value: number | undefined) => Math.round((value ?? NaN) * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1)) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      fragments: { type: 'string', default: '40' },
      requests: { type: 'string', default: '50' },
    },
  });
  const infra = await startTestInfrastructure();
  const stack = await startStack();
  try {
    const health = stack.gatewayUrl.replace('/graphql', '/health');
    await stack.query('{ __typename }');
    const refusals: number[] = [];
    const healthChecks: number[] = [];
    for (let i = 0; i < Number(values.requests); i += 1) {
      const startedAt = performance.now();
      const [result] = await Promise.all([
        stack.query(chain(Number(values.fragments), `F${i}_`)).then((answer) => {
          refusals.push(performance.now() - startedAt);
          return answer;
        }),
        fetch(health).then(() => healthChecks.push(performance.now() - startedAt)),
      ]);
      if (result.errors?.[0]?.extensions?.['code'] !== 'QUERY_TOO_COSTLY')
        throw new Error(`not refused: ${JSON.stringify(result)}`);
    }
    console.log({
      fragments: Number(values.fragments),
      refusalMs: percentiles(refusals),
      healthMs: percentiles(healthChecks),
    });
  } finally {
    await stack.stop();
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
