import { createHash, randomBytes } from 'node:crypto';
import type { PendingToken } from '../user/user.model';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_BYTES = 32;

/** SHA-256 of a token, hex; what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token, and the stored form of it that expires after `ttlSeconds`. */
export function issueToken(
  ttlSeconds: number,
  now = new Date(),
): {
  token: string;
  stored: PendingToken;
} {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return {
    token,
    stored: {
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      sentAt: now,
    },
  };
}
