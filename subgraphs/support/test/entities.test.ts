import { Types } from 'mongoose';
import {
  errorCodesOf,
  startSubgraphForTest,
  testIdentity,
  type SubgraphForTest,
} from '@shop/subgraph-testing';
import {
  supportSubgraph,
  loadSupportConfig,
  type SupportConfig,
  type SupportSubgraph,
} from '../src/server';

describe('support _entities', () => {
  let support: SubgraphForTest<SupportConfig, SupportSubgraph>;
  const owner = testIdentity('CUSTOMER');
  const inquiryId = new Types.ObjectId();

  beforeAll(async () => {
    support = await startSubgraphForTest(supportSubgraph, loadSupportConfig);
    await support.subgraph.models.inquiries.collection.insertOne({
      _id: inquiryId,
      userId: owner.userId,
      subject: '배송이 늦어요',
      category: 'DELIVERY',
      status: 'OPEN',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  });
  afterAll(() => support.stop());

  const entities = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Inquiry { id subject category status }
      ... on User { id inquiries { id } }
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
    const result = await support.call(
      entities,
      { representations: [{ __typename: 'Inquiry', id: inquiryId.toHexString() }] },
      testIdentity('CUSTOMER'),
    );
    expect(errorCodesOf(result)).toEqual(['FORBIDDEN']);
  });
});
