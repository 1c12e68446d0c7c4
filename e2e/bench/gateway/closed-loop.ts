import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';

/**
 * The load generator's connections: undici's plain `request` costs a fraction of `fetch`'s CPU,
 * and this process shares the machine's two cores with everything it measures.
 */
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  firstError?: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * `clients` closed-loop clients for `seconds`: each sends its next request as soon as the
 * previous one answered. `send(client, index)` resolves to an error text or null.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  send: (client: number, index: number) => Promise<string | null>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1_000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const index = next;
        next += 1;
        const begin = performance.now();
        const error = await send(client, index).catch((failure: unknown) => String(failure));
        latencies.push(performance.now() - begin);
        if (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1_000;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    rps: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    ...(firstError ? { firstError } : {}),
  };
}

/** Posts a GraphQL request; null when it answered 200 with data and no errors. */
export async function postQuery(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<string | null> {
  const target = new URL(url);
  const response = await agent.request({
    origin: target.origin,
    path: target.pathname,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) return `HTTP ${response.statusCode}: ${text.slice(0, 300)}`;
  const body = JSON.parse(text) as { errors?: unknown[]; data?: unknown };
  return body.errors?.length || !body.data ? text.slice(0, 300) : null;
}
