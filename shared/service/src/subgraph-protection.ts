import type { BaseEnv } from '@shop/config';
import type { Redis } from '@shop/redis';
import { RedisNonceStore, type NonceStore } from './nonce-store';
import { queryLimitsFromEnv, type QueryLimits } from './query-limits';

/** What guards a subgraph besides the gateway's signature. */
export interface SubgraphProtection {
  /** The gateway's limits; see {@link subgraphProtection} for tokens. */
  limits: QueryLimits;
  /** Where nonces of gateway signatures are remembered. */
  nonces: NonceStore;
  /** Production: no "Did you mean" hints in errors. */
  hideSchemaDetails: boolean;
}

/**
 * The protection of subgraph `name` from the shared environment. The limits are the gateway's,
 * except tokens: the gateway writes subgraph documents with the client's fragments expanded
 * and key fields added, so they may have more tokens than the client sent; the cost limit
 * still bounds their size (every expanded field costs at least 1), so the subgraph allows
 * four tokens per unit of cost.
 */
export function subgraphProtection(name: string, env: BaseEnv, redis: Redis): SubgraphProtection {
  const limits = queryLimitsFromEnv(env);
  return {
    limits: { ...limits, maxTokens: Math.max(limits.maxTokens, 4 * limits.maxCost) },
    nonces: new RedisNonceStore(redis, `gateway-nonce:${name}:`),
    hideSchemaDetails: env.NODE_ENV === 'production',
  };
}
