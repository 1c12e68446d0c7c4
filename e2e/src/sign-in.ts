import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { sessionKey, signAccessToken, type Role } from '@shop/auth';
import type { Stack } from './stack';

export interface TestUser {
  id: string;
  email: string;
  accessToken: string;
  sessionId: string;
}

/**
 * Seed builder: a user in the users database with a live session and a signed access token,
 * without going through password hashing, for tests about something other than sign-in.
 */
export async function createSignedInUser(
  stack: Stack,
  { roles = ['CUSTOMER'] as Role[], name = 'Test User' } = {},
): Promise<TestUser> {
  const id = new Types.ObjectId();
  const email = `user-${id.toHexString()}@example.test`;
  await stack.subgraphs.users.subgraph.runtime.mongo.collection('users').insertOne({
    _id: id,
    email,
    passwordHash: 'not-a-usable-hash',
    name,
    roles,
    emailVerified: true,
    status: 'ACTIVE',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const sessionId = randomUUID();
  await stack.redis.set(sessionKey(sessionId), id.toHexString(), 'EX', 900);
  const accessToken = await signAccessToken(
    { userId: id.toHexString(), roles, sessionId },
    { secret: stack.accessTokenSecret, ttlSeconds: 900 },
  );
  return { id: id.toHexString(), email, accessToken, sessionId };
}
