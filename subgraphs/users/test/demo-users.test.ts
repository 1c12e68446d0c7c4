import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { uniqueName } from '@shop/testing';
import type { Connection } from 'mongoose';
import { PasswordHasher } from '../src/auth/password-hasher';
import { DEMO_ACCOUNTS } from '@shop/contracts';
import { DEMO_PASSWORD, seedDemoUsers } from '../src/seed/demo-users';
import { userModel } from '../src/user/user.model';

describe('demo users seed', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await connectMongo({
      uri: String(process.env['MONGODB_URI']),
      dbName: uniqueName('users_seed'),
    });
    userModel(connection);
    await syncAllIndexes(connection);
  });
  afterAll(() => connection.close());

  it('creates the five accounts of API.md once, with the demo password', async () => {
    const users = userModel(connection);
    const hasher = new PasswordHasher();
    expect(await seedDemoUsers(users, hasher)).toBe(5);
    expect(await seedDemoUsers(users, hasher)).toBe(0);
    const admin = await users.findOne({ email: 'admin@demo.shop' }).lean();
    expect(admin).toMatchObject({ roles: ['ADMIN'], emailVerified: true, status: 'ACTIVE' });
    // Fixed ids, which the other subgraphs seed their own demo data for.
    expect(admin?._id.toHexString()).toBe(DEMO_ACCOUNTS.admin.id);
    expect(await hasher.verify(admin?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(await users.countDocuments()).toBe(5);
  });
});
