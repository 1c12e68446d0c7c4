import { isRedisReachable, type Redis } from '@shop/redis';
import type { CircuitBreaker } from './resilience/circuit-breaker';

async function isSubgraphReady(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/ready', graphqlUrl), {
      signal: AbortSignal.timeout(1_500),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The gateway is ready when Redis and every subgraph report ready and no subgraph's circuit is
 * open; each check is named, so `/ready` says which one is not.
 */
export function gatewayReadiness(
  subgraphUrls: Record<string, string>,
  redis: Redis,
  breakers: Map<string, CircuitBreaker>,
) {
  return async (): Promise<Record<string, boolean>> => {
    const names = Object.keys(subgraphUrls);
    const [redisReady, ...subgraphs] = await Promise.all([
      isRedisReachable(redis),
      ...names.map((name) => isSubgraphReady(subgraphUrls[name] as string)),
    ]);
    return {
      redis: redisReady ?? false,
      ...Object.fromEntries(
        names.map((name, index) => [
          name,
          (subgraphs[index] ?? false) && breakers.get(name)?.state !== 'open',
        ]),
      ),
    };
  };
}

/** The state of each subgraph's circuit, shown by `/ready` beside the checks. */
export function circuitStates(breakers: Map<string, CircuitBreaker>) {
  return (): Record<string, string> =>
    Object.fromEntries([...breakers].map(([name, breaker]) => [name, breaker.state]));
}
