import { Types } from 'mongoose';
import {
  errorCodesOf,
  startSubgraphForTest,
  testIdentity,
  type SubgraphForTest,
} from '@shop/subgraph-testing';
import {
  ordersSubgraph,
  loadOrdersConfig,
  type OrdersConfig,
  type OrdersSubgraph,
} from '../src/server';

describe('orders _entities', () => {
  let orders: SubgraphForTest<OrdersConfig, OrdersSubgraph>;
  const owner = testIdentity('CUSTOMER');
  const orderId = new Types.ObjectId();

  beforeAll(async () => {
    orders = await startSubgraphForTest(ordersSubgraph, loadOrdersConfig);
    await orders.subgraph.models.orders.collection.insertOne({
      _id: orderId,
      number: 'ORD-20261121-0001',
      userId: owner.userId,
      status: 'PAID',
      total: { amount: 39_000, currency: 'KRW' },
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  });
  afterAll(() => orders.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Order { id number status total { amount } }
      ... on User { id orders { id } }
    }
  }`;

  it('resolves orders and the orders of a user, in representation order', async () => {
    const result = await orders.call(
      entities,
      {
        representations: [
          { __typename: 'User', id: owner.userId },
          { __typename: 'Order', id: orderId.toHexString() },
          { __typename: 'Order', id: new Types.ObjectId().toHexString() },
        ],
      },
      owner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: owner.userId, orders: [{ id: orderId.toHexString() }] },
        {
          id: orderId.toHexString(),
          number: 'ORD-20261121-0001',
          status: 'PAID',
          total: { amount: 39_000 },
        },
        null,
      ],
    });
  });

  it("refuses another customer's orders", async () => {
    const result = await orders.call(
      entities,
      { representations: [{ __typename: 'Order', id: orderId.toHexString() }] },
      testIdentity('CUSTOMER'),
    );
    expect(errorCodesOf(result)).toEqual(['FORBIDDEN']);
  });
});
