import { Types } from 'mongoose';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@shop/contracts';
import type { PasswordHasher } from '../auth/password-hasher';
import type { UserModel } from '../user/user.model';

export { DEMO_PASSWORD };

/** The demo accounts of API.md: one per role, with the ids other subgraphs seed data for. */
export const DEMO_USERS = Object.values(DEMO_ACCOUNTS);

/**
 * Creates the demo accounts that do not exist yet, verified and active; existing ones are left
 * as they are, so running it again changes nothing. Returns how many were created.
 */
export async function seedDemoUsers(users: UserModel, hasher: PasswordHasher): Promise<number> {
  let created = 0;
  for (const demo of DEMO_USERS) {
    if (await users.exists({ email: demo.email })) continue;
    const { upsertedCount } = await users.updateOne(
      { email: demo.email },
      {
        $setOnInsert: {
          _id: new Types.ObjectId(demo.id),
          email: demo.email,
          name: demo.name,
          roles: [demo.role],
          passwordHash: await hasher.hash(DEMO_PASSWORD),
          emailVerified: true,
          status: 'ACTIVE',
          locale: 'ko',
          failedLoginCount: 0,
        },
      },
      { upsert: true, timestamps: true },
    );
    created += upsertedCount;
  }
  return created;
}
