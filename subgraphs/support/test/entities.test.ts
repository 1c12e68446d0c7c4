import { Types } from 'mongoose';
import { startSubgraphForTest, testIdentity, type SubgraphForTest } from '@shop/subgraph-testing';
import {
  supportSubgraph,
  loadSupportConfig,
  type SupportConfig,
  type SupportSubgraph,
} from '../src/server';
import { seedInquiry } from './support-builders';

describe('support _entities', () => {
  let support: SubgraphForTest<SupportConfig, SupportSubgraph>;
  const owner = testIdentity('CUSTOMER');
  const agent = testIdentity('AGENT');
  const inquiryId = new Types.ObjectId();
  const orderId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    support = await startSubgraphForTest(supportSubgraph(), loadSupportConfig, {
      SUPPORT_BACKGROUND_TASKS: 'off',
    });
    await seedInquiry(support.subgraph, {
      _id: inquiryId,
      customerId: owner.userId,
      subject: '배송이 늦어요',
      category: 'DELIVERY',
      orderId,
      messages: [
        { authorId: owner.userId, side: 'CUSTOMER', body: '언제 오나요?', internal: false },
        { authorId: agent.userId, side: 'AGENT', body: '택배사 확인 중', internal: true },
      ],
    });
  });
  afterAll(() => support.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Inquiry { id subject category status order { id } messages { body internal } events { kind } }
      ... on User { id inquiries { totalCount edges { node { id } } } }
    }
  }`;

  it('resolves inquiries and the inquiries of a user, in representation order', async () => {
    const result = await support.call(
      entities,
      {
        representations: [
          { __typename: 'User', id: owner.userId },
          { __typename: 'Inquiry', id: inquiryId.toHexString() },
          { __typename: 'Inquiry', id: new Types.ObjectId().toHexString() },
        ],
      },
      owner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        {
          id: owner.userId,
          inquiries: { totalCount: 1, edges: [{ node: { id: inquiryId.toHexString() } }] },
        },
        {
          id: inquiryId.toHexString(),
          subject: '배송이 늦어요',
          category: 'DELIVERY',
          status: 'OPEN',
          order: { id: orderId },
          messages: [{ body: '언제 오나요?', internal: false }],
          events: [],
        },
        null,
      ],
    });
  });

  it('gives staff the internal notes and the audit trail', async () => {
    const result = await support.call<{
      _entities: Array<{ messages: unknown[]; events: unknown[] }>;
    }>(
      entities,
      { representations: [{ __typename: 'Inquiry', id: inquiryId.toHexString() }] },
      agent,
    );
    expect(result.data?._entities[0]?.messages).toHaveLength(2);
    expect(result.data?._entities[0]?.events).toEqual([{ kind: 'CREATED' }]);
  });

  it("answers another customer's inquiry as if it did not exist", async () => {
    const result = await support.call(
      entities,
      { representations: [{ __typename: 'Inquiry', id: inquiryId.toHexString() }] },
      testIdentity('CUSTOMER'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [null] });
  });
});
