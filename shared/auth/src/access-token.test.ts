import { SignJWT, UnsecuredJWT } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  signAccessToken,
  verifyAccessToken,
} from './access-token';

const secret = 'a-test-access-token-secret-0123456789abcdef';
const identity = {
  userId: '64b000000000000000000001',
  roles: ['AGENT' as const],
  sessionId: 'session-1',
};

describe('access tokens', () => {
  it('round-trips an identity', async () => {
    const token = await signAccessToken(identity, { secret, ttlSeconds: 60 });
    expect(await verifyAccessToken(token, { secret })).toEqual(identity);
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signAccessToken(identity, { secret: `${secret}-other`, ttlSeconds: 60 });
    expect(await verifyAccessToken(token, { secret })).toBeNull();
  });

  it('rejects an expired token', async () => {
    const token = await new SignJWT({ roles: identity.roles, sid: identity.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(secret));
    expect(await verifyAccessToken(token, { secret })).toBeNull();
  });

  it('rejects alg none and a wrong audience', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['ADMIN'], sid: 's' })
      .setSubject(identity.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .encode();
    expect(await verifyAccessToken(unsigned, { secret })).toBeNull();
    const otherAudience = await new SignJWT({ roles: identity.roles, sid: 's' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    expect(await verifyAccessToken(otherAudience, { secret })).toBeNull();
  });

  it('rejects a token with an unknown role', async () => {
    const token = await new SignJWT({ roles: ['ROOT'], sid: 's' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    expect(await verifyAccessToken(token, { secret })).toBeNull();
  });
});
