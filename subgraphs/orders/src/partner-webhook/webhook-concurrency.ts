import { randomUUID } from 'node:crypto';
import { webhookSlotsKey } from '@shop/jobs';
import type { Redis } from '@shop/redis';

// Drops expired holders, then takes a slot if fewer than the limit hold one.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

/**
 * At most `limit` deliveries in flight per subscription, across processes: a Redis sorted set
 * of holders scored by when their hold expires (a killed process's slot frees itself). The
 * worker's overall concurrency is shared fairly: a partner that hangs holds `limit` slots.
 */
export class SubscriptionSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly holdMs: number,
  ) {}

  /** A release function when a slot was free, null when the subscription is at its limit. */
  async take(subscriptionId: string): Promise<(() => Promise<void>) | null> {
    const key = webhookSlotsKey(this.prefix, subscriptionId);
    const holder = randomUUID();
    const now = Date.now();
    const taken = await this.redis.eval(
      TAKE,
      1,
      key,
      String(now),
      String(this.limit),
      String(now + this.holdMs),
      holder,
      String(this.holdMs * 2),
    );
    if (taken !== 1) return null;
    return async () => {
      await this.redis.zrem(key, holder);
    };
  }
}
