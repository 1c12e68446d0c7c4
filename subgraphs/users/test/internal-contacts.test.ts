import { Types } from 'mongoose';
import { USERS_INTERNAL, type UserContactsResponse } from '@shop/contracts';
import { InternalClient } from '@shop/service';
import { startSubgraphForTest, type SubgraphForTest } from '@shop/subgraph-testing';
import {
  usersSubgraph,
  loadUsersConfig,
  type UsersConfig,
  type UsersSubgraph,
} from '../src/server';

describe('internal user contacts', () => {
  let users: SubgraphForTest<UsersConfig, UsersSubgraph>;
  const client = (caller: string, secret = users.config.INTERNAL_API_SECRET) =>
    new InternalClient({ baseUrl: users.origin, caller, audience: 'users', secret });
  const minji = new Types.ObjectId();
  const admin = new Types.ObjectId();
  const suspendedAdmin = new Types.ObjectId();

  beforeAll(async () => {
    users = await startSubgraphForTest(usersSubgraph, loadUsersConfig);
    const base = {
      passwordHash: 'x',
      emailVerified: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await users.subgraph.models.users.collection.insertMany([
      {
        ...base,
        _id: minji,
        email: 'minji@example.com',
        name: 'Minji',
        phone: '+821012345678',
        locale: 'en',
        roles: ['CUSTOMER'],
        status: 'ACTIVE',
      },
      {
        ...base,
        _id: admin,
        email: 'admin@example.com',
        name: 'Admin',
        roles: ['ADMIN'],
        status: 'ACTIVE',
      },
      {
        ...base,
        _id: suspendedAdmin,
        email: 'gone@example.com',
        name: 'Gone',
        roles: ['ADMIN'],
        status: 'SUSPENDED',
      },
    ]);
  });
  afterAll(() => users.stop());

  it('answers contacts by id in request order, null for unknown ids', async () => {
    const unknown = new Types.ObjectId().toHexString();
    const { users: found } = await client('orders').post<UserContactsResponse>(
      USERS_INTERNAL.contacts,
      { ids: [unknown, minji.toHexString()] },
    );
    expect(found).toEqual([
      null,
      {
        id: minji.toHexString(),
        email: 'minji@example.com',
        name: 'Minji',
        phone: '+821012345678',
        locale: 'en',
        roles: ['CUSTOMER'],
        status: 'ACTIVE',
        emailVerified: true,
      },
    ]);
  });

  it('answers the active holders of a role', async () => {
    const { users: found } = await client('support').post<UserContactsResponse>(
      USERS_INTERNAL.contacts,
      { role: 'ADMIN' },
    );
    expect(found.map((user) => user?.email)).toEqual(['admin@example.com']);
  });

  it('refuses callers it does not know, wrong secrets and bad requests', async () => {
    const body = { ids: [minji.toHexString()] };
    await expect(client('cart').post(USERS_INTERNAL.contacts, body)).rejects.toThrow(/401/);
    await expect(
      client('orders', 'a-secret-that-is-not-the-internal-one-000').post(
        USERS_INTERNAL.contacts,
        body,
      ),
    ).rejects.toThrow(/401/);
    await expect(
      client('orders').post(USERS_INTERNAL.contacts, { ids: ['not-an-id'] }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
