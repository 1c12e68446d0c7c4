import type { mongo } from 'mongoose';
import { Types } from 'mongoose';
import { errorCodesOf, testIdentity } from '@shop/subgraph-testing';
import { orderDocument } from './support/order-builder';
import { startOrders, type OrdersUnderTest } from './support/orders-under-test';

describe('orders _entities', () => {
  let orders: OrdersUnderTest;
  const owner = testIdentity('CUSTOMER');
  const agent = testIdentity('AGENT');
  const finds: mongo.CommandStartedEvent[] = [];
  const own = Array.from({ length: 20 }, (_, index) =>
    orderDocument({ buyerId: owner.userId, createdAt: new Date(Date.UTC(2026, 10, 1, 0, index)) }),
  );
  const other = orderDocument();

  beforeAll(async () => {
    orders = await startOrders();
    await orders.subgraph.models.orders.insertMany([...own, other]);
    orders.subgraph.runtime.mongo.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'find' && event.command['find'] === 'orders') finds.push(event);
    });
  });
  afterAll(() => orders.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Order { id number status buyer { id } items { product { id } quantity } total { amount } }
    }
  }`;
  const representations = (ids: string[]) => ({
    representations: ids.map((id) => ({ __typename: 'Order', id })),
  });

  it('resolves a batch of 21 orders with one query, in representation order', async () => {
    const ids = [...own, other].map((order) => order._id.toHexString()).reverse();
    finds.length = 0;
    const result = await orders.call<{ _entities: Array<{ id: string } | null> }>(
      entities,
      representations([...ids, new Types.ObjectId().toHexString(), 'not-an-id']),
      agent,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((order) => order?.id ?? null)).toEqual([...ids, null, null]);
    expect(finds).toHaveLength(1);
  });

  it("answers null for another customer's order, and for anonymous callers, without an error", async () => {
    const ids = [other._id.toHexString(), own[0]?._id.toHexString() ?? ''];
    const result = await orders.call<{ _entities: unknown[] }>(
      entities,
      representations(ids),
      owner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]).toBeNull();
    expect(result.data?._entities[1]).toMatchObject({
      buyer: { id: owner.userId },
      status: 'PENDING_PAYMENT',
      items: [{ product: { id: own[0]?.lines[0]?.productId }, quantity: 2 }],
    });
    const anonymous = await orders.call<{ _entities: unknown[] }>(entities, representations(ids));
    expect(anonymous.data?._entities).toEqual([null, null]);
  });

  it("pages a user's orders newest first for the user and staff, and refuses others", async () => {
    const query = `query ($representations: [_Any!]!, $after: String) {
      _entities(representations: $representations) {
        ... on User { orders(first: 15, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }
      }
    }`;
    type Page = {
      _entities: Array<{
        orders: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { id: string } }>;
        };
      }>;
    };
    const user = { representations: [{ __typename: 'User', id: owner.userId }] };
    const first = await orders.call<Page>(query, user, owner);
    const firstPage = first.data?._entities[0]?.orders;
    const second = await orders.call<Page>(
      query,
      { ...user, after: firstPage?.pageInfo.endCursor },
      agent,
    );
    const secondPage = second.data?._entities[0]?.orders;
    const newestFirst = [...own].reverse().map((order) => order._id.toHexString());
    expect(firstPage?.totalCount).toBe(20);
    expect(firstPage?.pageInfo.hasNextPage).toBe(true);
    expect(
      [...(firstPage?.edges ?? []), ...(secondPage?.edges ?? [])].map((edge) => edge.node.id),
    ).toEqual(newestFirst);
    expect(secondPage?.pageInfo.hasNextPage).toBe(false);
    const stranger = await orders.call(query, user, testIdentity('CUSTOMER'));
    expect(errorCodesOf(stranger)).toEqual(['FORBIDDEN']);
  });
});
