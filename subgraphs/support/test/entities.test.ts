import { Types } from 'mongoose';
import type { Subgraph } from '@shop/service';
import { callAsGateway, uniqueName, type GatewayCall } from '@shop/testing';
import { createSupportSubgraph, loadSupportConfig } from '../src/server';

describe('support _entities', () => {
  let subgraph: Subgraph;
  let call: GatewayCall;
  const owner = {
    userId: new Types.ObjectId().toHexString(),
    roles: ['CUSTOMER' as const],
    sessionId: 's1',
  };
  const inquiryId = new Types.ObjectId();

  beforeAll(async () => {
    const config = loadSupportConfig({ ...process.env, SUPPORT_DB: uniqueName('support') });
    subgraph = await createSupportSubgraph(config);
    const { url } = await subgraph.http.listen(0);
    call = { url, audience: 'support', secret: config.GATEWAY_SIGNING_SECRET, identity: owner };
    await subgraph.runtime.mongo.collection('inquiries').insertOne({
      _id: inquiryId,
      userId: owner.userId,
      subject: '배송이 늦어요',
      category: 'DELIVERY',
      status: 'OPEN',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  });
  afterAll(() => subgraph.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Inquiry { id subject category status }
      ... on User { id inquiries { id } }
    }
  }`;

  it('resolves inquiries and the inquiries of a user, in representation order', async () => {
    const result = await callAsGateway(call, entities, {
      representations: [
        { __typename: 'User', id: owner.userId },
        { __typename: 'Inquiry', id: inquiryId.toHexString() },
        { __typename: 'Inquiry', id: new Types.ObjectId().toHexString() },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: owner.userId, inquiries: [{ id: inquiryId.toHexString() }] },
        {
          id: inquiryId.toHexString(),
          subject: '배송이 늦어요',
          category: 'DELIVERY',
          status: 'OPEN',
        },
        null,
      ],
    });
  });

  it("refuses another customer's inquiries", async () => {
    const stranger = {
      userId: new Types.ObjectId().toHexString(),
      roles: ['CUSTOMER' as const],
      sessionId: 's2',
    };
    const result = await callAsGateway({ ...call, identity: stranger }, entities, {
      representations: [{ __typename: 'Inquiry', id: inquiryId.toHexString() }],
    });
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });
});
