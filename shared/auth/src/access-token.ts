import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { isRole, type Identity } from './identity';

/** Access tokens are HS256 JWTs; the algorithm is pinned so `alg: none` or RS/HS confusion fails. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_ISSUER = 'shop-users';
export const ACCESS_TOKEN_AUDIENCE = 'shop-gateway';

export interface AccessTokenKeys {
  secret: string;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a short-lived access token bound to a session (`sid`), which can be revoked at once. */
export async function signAccessToken(
  identity: Identity,
  { secret, ttlSeconds }: AccessTokenKeys & { ttlSeconds: number },
): Promise<string> {
  return new SignJWT({ roles: identity.roles, sid: identity.sessionId })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(identity.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/**
 * Verifies signature, algorithm, issuer, audience and expiry. Returns the identity the token
 * claims, or null for any token that does not verify; whether its session is still alive is
 * the caller's check.
 */
export async function verifyAccessToken(
  token: string,
  { secret }: AccessTokenKeys,
): Promise<Identity | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    const { sub, sid, roles } = payload;
    if (
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      !Array.isArray(roles) ||
      !roles.every(isRole)
    ) {
      return null;
    }
    return { userId: sub, sessionId: sid, roles };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

/** Redis key marking a live session; the users subgraph writes it, logout deletes it. */
export function sessionKey(sessionId: string): string {
  return `session:${sessionId}`;
}
