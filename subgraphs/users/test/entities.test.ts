import { Types } from 'mongoose';
import type { Subgraph } from '@shop/service';
import { callAsGateway, uniqueName, type GatewayCall } from '@shop/testing';
import { createUsersSubgraph, loadUsersConfig } from '../src/server';

describe('users _entities', () => {
  let subgraph: Subgraph;
  let call: GatewayCall;
  const userId = new Types.ObjectId();
  const self = { userId: userId.toHexString(), roles: ['CUSTOMER' as const], sessionId: 's1' };

  beforeAll(async () => {
    const config = loadUsersConfig({ ...process.env, USERS_DB: uniqueName('users') });
    subgraph = await createUsersSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    call = { url, audience: 'users', secret: config.GATEWAY_SIGNING_SECRET, identity: self };
    await subgraph.runtime.mongo.collection('users').insertOne({
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
  afterAll(() => subgraph.stop());

  const query = (fields: string) => `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on User { ${fields} } }
  }`;
  const representations = [
    { __typename: 'User', id: userId.toHexString() },
    { __typename: 'User', id: 'missing' },
  ];

  it('resolves users, null for unknown ids', async () => {
    const result = await callAsGateway(
      call,
      query('id name roles status emailVerified createdAt'),
      { representations },
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
    const mine = await callAsGateway(call, contact, {
      representations: representations.slice(0, 1),
    });
    expect(mine.data).toEqual({
      _entities: [{ email: 'minji@example.com', phone: '+821012345678' }],
    });
    const agent = {
      userId: new Types.ObjectId().toHexString(),
      roles: ['AGENT' as const],
      sessionId: 's2',
    };
    expect(
      (
        await callAsGateway({ ...call, identity: agent }, contact, {
          representations: representations.slice(0, 1),
        })
      ).data,
    ).toEqual(mine.data);
    const stranger = {
      userId: new Types.ObjectId().toHexString(),
      roles: ['CUSTOMER' as const],
      sessionId: 's3',
    };
    const theirs = await callAsGateway({ ...call, identity: stranger }, contact, {
      representations: representations.slice(0, 1),
    });
    // email is non-null, so the refusal nulls the whole entity: nothing leaks.
    expect(new Set(theirs.errors?.map((error) => error.extensions?.['code']))).toEqual(
      new Set(['FORBIDDEN']),
    );
    expect(theirs.data).toEqual({ _entities: [null] });
  });
});
