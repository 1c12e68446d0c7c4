import type { Role } from '@shop/auth';
import type { PasswordHasher } from '../auth/password-hasher';
import type { UserModel } from '../user/user.model';

/** The password of every demo account (API.md). */
export const DEMO_PASSWORD = 'Demo-pass-1234!';

/** The demo accounts of API.md: one per role. */
export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: 'customer@demo.shop', name: 'Demo Customer', role: 'CUSTOMER' },
  { email: 'agent@demo.shop', name: 'Demo Agent', role: 'AGENT' },
  { email: 'admin@demo.shop', name: 'Demo Admin', role: 'ADMIN' },
  { email: 'seller@demo.shop', name: 'Demo Seller', role: 'SELLER' },
  { email: 'partner@demo.shop', name: 'Demo Partner', role: 'PARTNER' },
];

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
