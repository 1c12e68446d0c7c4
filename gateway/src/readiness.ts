import { isRedisReachable, type Redis } from '@shop/redis';

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

/** The gateway is ready when Redis and every subgraph report ready. */
export function gatewayReadiness(subgraphUrls: Record<string, string>, redis: Redis) {
  return async (): Promise<Record<string, boolean>> => {
    const names = Object.keys(subgraphUrls);
    const [redisReady, ...subgraphs] = await Promise.all([
      isRedisReachable(redis),
      ...names.map((name) => isSubgraphReady(subgraphUrls[name] as string)),
    ]);
    return {
      redis: redisReady ?? false,
      ...Object.fromEntries(names.map((name, index) => [name, subgraphs[index] ?? false])),
    };
  };
}
