import type { Redis } from '@shop/redis';

/** Remembers the nonces of gateway signatures so that each is accepted once. */
export interface NonceStore {
  /** True the first time `nonce` is claimed within `ttlSeconds`, false on every replay. */
  claim(nonce: string, ttlSeconds: number): Promise<boolean>;
}

/**
 * Nonces in Redis (`SET NX EX`), shared by every instance of a subgraph, so a captured request
 * replayed to another instance is refused too. A Redis that does not answer fails the claim
 * (SERVICE_UNAVAILABLE): a replay is never let through for want of a check.
 */
export class RedisNonceStore implements NonceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.redis.set(`${this.keyPrefix}${nonce}`, '1', 'EX', ttlSeconds, 'NX');
    return reply === 'OK';
  }
}
