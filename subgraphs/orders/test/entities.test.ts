import { Types } from 'mongoose';
import type { Subgraph } from '@shop/service';
import { callAsGateway, uniqueName, type GatewayCall } from '@shop/testing';
import { createOrdersSubgraph, loadOrdersConfig } from '../src/server';

describe('orders _entities', () => {
  let subgraph: Subgraph;
  let call: GatewayCall;
  const owner = {
    userId: new Types.ObjectId().toHexString(),
    roles: ['CUSTOMER' as const],
    sessionId: 's1',
  };
  const orderId = new Types.ObjectId();

  beforeAll(async () => {
    const config = loadOrdersConfig({ ...process.env, ORDERS_DB: uniqueName('orders') });
    subgraph = await createOrdersSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    call = { url, audience: 'orders', secret: config.GATEWAY_SIGNING_SECRET, identity: owner };
    await subgraph.runtime.mongo.collection('orders').insertOne({
      _id: orderId,
      number: 'ORD-20261121-0001',
      userId: owner.userId,
      status: 'PAID',
      total: { amount: 39_000, currency: 'KRW' },
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  });
  afterAll(() => subgraph.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Order { id number status total { amount } }
      ... on User { id orders { id } }
    }
  }`;

  it('resolves orders and the orders of a user, in representation order', async () => {
    const result = await callAsGateway(call, entities, {
      representations: [
        { __typename: 'User', id: owner.userId },
        { __typename: 'Order', id: orderId.toHexString() },
        { __typename: 'Order', id: new Types.ObjectId().toHexString() },
      ],
    });
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
    const stranger = {
      userId: new Types.ObjectId().toHexString(),
      roles: ['CUSTOMER' as const],
      sessionId: 's2',
    };
    const result = await callAsGateway({ ...call, identity: stranger }, entities, {
      representations: [{ __typename: 'Order', id: orderId.toHexString() }],
    });
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });
});
