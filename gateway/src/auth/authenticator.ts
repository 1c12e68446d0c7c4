import { sessionKey, verifyAccessToken, type Identity } from '@shop/auth';
import type { Redis } from '@shop/redis';

/**
 * Turns an `Authorization: Bearer` header into an identity. A token that fails verification, or
 * whose session was revoked (logout, password reset, refresh-token reuse), makes the request
 * anonymous; it never raises, so a bad token cannot be used to probe for error details.
 */
export class Authenticator {
  constructor(
    private readonly secret: string,
    private readonly redis: Redis,
  ) {}

  async identify(authorization: string | undefined): Promise<Identity | null> {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!token) return null;
    const identity = await verifyAccessToken(token, { secret: this.secret });
    if (!identity) return null;
    const alive = await this.redis.exists(sessionKey(identity.sessionId));
    return alive ? identity : null;
  }
}
