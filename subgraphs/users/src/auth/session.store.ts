import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sessionKey } from '@shop/auth';
import type { Redis } from '@shop/redis';

export interface SessionStoreOptions {
  /** Prefix of refresh-token and per-user keys; session keys are the gateway's `session:`. */
  keyPrefix: string;
  refreshTtlSeconds: number;
}

/** The session a refresh token belongs to, after it was rotated. */
export interface RotatedRefresh {
  sessionId: string;
  userId: string;
  refreshToken: string;
}

/** Why a refresh token was refused. `REUSED` means the whole session family was revoked. */
export type RefreshFailure = 'UNKNOWN' | 'REUSED' | 'REVOKED';

/**
 * Marks a refresh token used and returns its session and use count, atomically, so two
 * concurrent refreshes with one token cannot both succeed.
 */
const CLAIM_REFRESH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
local uses = redis.call('HINCRBY', KEYS[1], 'uses', 1)
return { redis.call('HGET', KEYS[1], 'sid'), redis.call('HGET', KEYS[1], 'userId'), uses }
`;

/**
 * Sessions in Redis. A session (`session:<id>`, read by the gateway) lives as long as its
 * refresh tokens may; each refresh token is opaque, stored hashed, and works once: using it
 * again means it leaked, and the whole session (the token family) is revoked.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: SessionStoreOptions,
  ) {}

  /** Opens a session for `userId`; returns its id and first refresh token. */
  async open(userId: string): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = randomUUID();
    const ttl = this.options.refreshTtlSeconds;
    await this.redis
      .multi()
      .set(sessionKey(sessionId), userId, 'EX', ttl)
      .sadd(this.userSessionsKey(userId), sessionId)
      .expire(this.userSessionsKey(userId), ttl)
      .exec();
    return { sessionId, refreshToken: await this.issueRefresh(sessionId, userId, ttl) };
  }

  /** Exchanges a refresh token for the next one of its family, or says why it cannot. */
  async rotate(refreshToken: string): Promise<RotatedRefresh | RefreshFailure> {
    const claimed = (await this.redis.eval(CLAIM_REFRESH, 1, this.refreshKey(refreshToken))) as
      [string, string, number] | null;
    if (!claimed) return 'UNKNOWN';
    const [sessionId, userId, uses] = claimed;
    if (uses > 1) {
      await this.revoke(sessionId, userId);
      return 'REUSED';
    }
    const remaining = await this.redis.ttl(sessionKey(sessionId));
    if (remaining <= 0) return 'REVOKED';
    return {
      sessionId,
      userId,
      refreshToken: await this.issueRefresh(sessionId, userId, remaining),
    };
  }

  /** Ends one session at once: the gateway treats its access tokens as anonymous. */
  async revoke(sessionId: string, userId: string): Promise<void> {
    await this.redis
      .multi()
      .del(sessionKey(sessionId))
      .srem(this.userSessionsKey(userId), sessionId)
      .exec();
  }

  /** Ends every session of a user (password reset, suspension, role change). */
  async revokeAll(userId: string): Promise<void> {
    const key = this.userSessionsKey(userId);
    const sessionIds = await this.redis.smembers(key);
    await this.redis
      .multi()
      .del(...sessionIds.map(sessionKey), key)
      .exec();
  }

  private async issueRefresh(sessionId: string, userId: string, ttl: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis
      .multi()
      .hset(this.refreshKey(token), { sid: sessionId, userId, uses: 0 })
      .expire(this.refreshKey(token), ttl)
      .exec();
    return token;
  }

  private refreshKey(token: string): string {
    return `${this.options.keyPrefix}refresh:${createHash('sha256').update(token).digest('hex')}`;
  }

  private userSessionsKey(userId: string): string {
    return `${this.options.keyPrefix}user-sessions:${userId}`;
  }
}
