import { Types } from 'mongoose';
import {
  errorCodesOf,
  startSubgraphForTest,
  testIdentity,
  type SubgraphForTest,
} from '@shop/subgraph-testing';
import {
  usersSubgraph,
  loadUsersConfig,
  type UsersConfig,
  type UsersSubgraph,
} from '../src/server';

describe('users _entities', () => {
  let users: SubgraphForTest<UsersConfig, UsersSubgraph>;
  const userId = new Types.ObjectId();
  const self = { userId: userId.toHexString(), roles: ['CUSTOMER' as const], sessionId: 's1' };

  beforeAll(async () => {
    users = await startSubgraphForTest(usersSubgraph, loadUsersConfig);
    await users.subgraph.models.users.collection.insertOne({
      _id: userId,
      email: 'minji@example.com',
      passwordHash: 'x',
      name: 'Kim Minji',
      phone: '+821012345678',
      roles: ['CUSTOMER'],
      emailVerified: true,
      status: 'ACTIVE',
      createdAt: new Date('2026-11-01T00:00:00Z'),
      updatedAt: new Date(),
    });
  });
  afterAll(() => users.stop());

  const query = (fields: string) => `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on User { ${fields} } }
  }`;
  const representations = [
    { __typename: 'User', id: userId.toHexString() },
    { __typename: 'User', id: 'missing' },
  ];

  it('resolves users, null for unknown ids', async () => {
    const result = await users.call(
      query('id name roles status emailVerified createdAt'),
      { representations },
      self,
    );
    expect(result.data).toEqual({
      _entities: [
        {
          id: userId.toHexString(),
          name: 'Kim Minji',
          roles: ['CUSTOMER'],
          status: 'ACTIVE',
          emailVerified: true,
          createdAt: '2026-11-01T00:00:00.000Z',
        },
        null,
      ],
    });
  });

  it('shows contact details to the user and to staff only', async () => {
    const contact = query('email phone');
    const one = { representations: representations.slice(0, 1) };
    const mine = await users.call(contact, one, self);
    expect(mine.data).toEqual({
      _entities: [{ email: 'minji@example.com', phone: '+821012345678' }],
    });
    expect((await users.call(contact, one, testIdentity('AGENT'))).data).toEqual(mine.data);
    const theirs = await users.call(contact, one, testIdentity('CUSTOMER'));
    // email is non-null, so the refusal nulls the whole entity: nothing leaks.
    expect(new Set(errorCodesOf(theirs))).toEqual(new Set(['FORBIDDEN']));
    expect(theirs.data).toEqual({ _entities: [null] });
  });
});
