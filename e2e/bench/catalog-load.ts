import { Agent } from 'undici';

/** A tiny closed-loop load generator: `concurrency` clients issue `total` requests in all. */
export interface LatencySummary {
  requests: number;
  concurrency: number;
  errors: number;
  p50: number;
  p99: number;
  mean: number;
  throughput: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export async function runLoad(
  concurrency: number,
  total: number,
  request: (index: number) => Promise<boolean>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const startedAt = performance.now();
  const client = async () => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= total) return;
      const begin = performance.now();
      const ok = await request(index).catch(() => false);
      latencies.push(performance.now() - begin);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: total,
    concurrency,
    errors,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    mean: round(latencies.reduce((sum, value) => sum + value, 0) / latencies.length),
    throughput: round(total / elapsedSeconds),
  };
}

/** Signs one request body the way the gateway does, for calls straight to a subgraph. */
export type RequestSigner = (body: {
  query: string;
  variables: Record<string, unknown>;
}) => Record<string, string>;

/**
 * The load generator's connections: undici's plain `request` costs a fraction of `fetch`'s CPU,
 * and the benchmark's clients share one Node process with the servers they measure.
 */
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

/** Posts a GraphQL query; true when it answered 200 without errors. */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  sign?: RequestSigner,
): Promise<{ ok: boolean; data: unknown }> {
  const target = new URL(url);
  const response = await agent.request({
    origin: target.origin,
    path: target.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sign?.({ query, variables }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { data?: unknown; errors?: unknown[] };
  return { ok: response.statusCode === 200 && !body.errors, data: body.data };
}
