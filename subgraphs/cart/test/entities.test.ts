import { Types } from 'mongoose';
import { uniqueName } from '@shop/testing';
import {
  errorCodesOf,
  startSubgraphForTest,
  testIdentity,
  type SubgraphForTest,
} from '@shop/subgraph-testing';
import { cartSubgraph, loadCartConfig, type CartConfig, type CartSubgraph } from '../src/server';

describe('cart _entities', () => {
  let cart: SubgraphForTest<CartConfig, CartSubgraph>;
  const owner = testIdentity('CUSTOMER');
  const productId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    const prefix = `${uniqueName('cart')}:`;
    cart = await startSubgraphForTest(cartSubgraph, loadCartConfig, { CART_KEY_PREFIX: prefix });
    await cart.subgraph.runtime.redis.hset(
      `${prefix}${owner.userId}`,
      `line:${productId}`,
      '2',
      'updatedAt',
      String(Date.parse('2026-11-21T00:00:00Z')),
    );
  });
  afterAll(() => cart.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Cart { id itemCount updatedAt items { quantity product { id } } } }
  }`;

  it("resolves the owner's cart with product references for the products subgraph", async () => {
    const result = await cart.call(
      entities,
      { representations: [{ __typename: 'Cart', id: owner.userId }] },
      owner,
    );
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
    const representations = [{ __typename: 'Cart', id: owner.userId }];
    const theirs = await cart.call(entities, { representations }, testIdentity('CUSTOMER'));
    expect(errorCodesOf(theirs)).toEqual(['FORBIDDEN']);
    const anonymous = await cart.call(entities, { representations }, null);
    expect(errorCodesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
