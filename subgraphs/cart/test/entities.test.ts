import { Types } from 'mongoose';
import type { Subgraph } from '@shop/service';
import { callAsGateway, uniqueName, type GatewayCall } from '@shop/testing';
import { createCartSubgraph, loadCartConfig } from '../src/server';

describe('cart _entities', () => {
  let subgraph: Subgraph;
  let call: GatewayCall;
  const owner = {
    userId: new Types.ObjectId().toHexString(),
    roles: ['CUSTOMER' as const],
    sessionId: 's1',
  };
  const productId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    const prefix = `${uniqueName('cart')}:`;
    const config = loadCartConfig({
      ...process.env,
      CART_DB: uniqueName('cart'),
      CART_KEY_PREFIX: prefix,
    });
    subgraph = await createCartSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    call = { url, audience: 'cart', secret: config.GATEWAY_SIGNING_SECRET, identity: owner };
    await subgraph.runtime.redis.hset(
      `${prefix}${owner.userId}`,
      `line:${productId}`,
      '2',
      'updatedAt',
      String(Date.parse('2026-11-21T00:00:00Z')),
    );
  });
  afterAll(() => subgraph.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Cart { id itemCount updatedAt items { quantity product { id } } } }
  }`;

  it("resolves the owner's cart with product references for the products subgraph", async () => {
    const result = await callAsGateway(call, entities, {
      representations: [{ __typename: 'Cart', id: owner.userId }],
    });
    expect(result.data).toEqual({
      _entities: [
        {
          id: owner.userId,
          itemCount: 2,
          updatedAt: '2026-11-21T00:00:00.000Z',
          items: [{ quantity: 2, product: { id: productId } }],
        },
      ],
    });
  });

  it("refuses someone else's cart and anonymous callers", async () => {
    const stranger = {
      userId: new Types.ObjectId().toHexString(),
      roles: ['CUSTOMER' as const],
      sessionId: 's2',
    };
    const representations = [{ __typename: 'Cart', id: owner.userId }];
    const theirs = await callAsGateway({ ...call, identity: stranger }, entities, {
      representations,
    });
    expect(theirs.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const anonymous = await callAsGateway({ ...call, identity: null }, entities, {
      representations,
    });
    expect(anonymous.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
