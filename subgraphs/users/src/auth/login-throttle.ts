import type { Redis } from '@shop/redis';

export interface LoginThrottleOptions {
  keyPrefix: string;
  /** Attempts one address may make per window. */
  ipLimit: number;
  ipWindowSeconds: number;
  /** Consecutive failures that lock an account. */
  maxFailures: number;
  /** Length of the first lock; doubled by each further failure, capped at a day. */
  lockBaseSeconds: number;
}

const MAX_LOCK_SECONDS = 24 * 3_600;

/**
 * The brakes on password guessing: a fixed-window counter per client address in Redis, and
 * the exponential account lock computed from the consecutive failures stored on the user.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly options: LoginThrottleOptions,
  ) {}

  /** Counts an attempt from `ip`; returns the seconds to wait when over the limit, else 0. */
  async takeIpAttempt(ip: string): Promise<number> {
    const key = `${this.options.keyPrefix}login-ip:${ip}`;
    const replies =
      (await this.redis
        .multi()
        .incr(key)
        .expire(key, this.options.ipWindowSeconds, 'NX')
        .ttl(key)
        .exec()) ?? [];
    const count = replies[0]?.[1];
    const ttl = replies[2]?.[1];
    if (Number(count) <= this.options.ipLimit) return 0;
    return Math.max(1, Number(ttl));
  }

  /** When an account with `failures` consecutive failures is locked until, or null. */
  lockUntil(failures: number, now = new Date()): Date | null {
    if (failures < this.options.maxFailures) return null;
    const exponent = Math.min(failures - this.options.maxFailures, 20);
    const seconds = Math.min(this.options.lockBaseSeconds * 2 ** exponent, MAX_LOCK_SECONDS);
    return new Date(now.getTime() + seconds * 1000);
  }
}
