import { Types } from 'mongoose';
import { errorCodes, startStack, type Stack, type TestUser } from '../src';
import { SupportDesk, type Caller, type InquiryView } from './support-fixtures';

/** Every operation of agents and admins, as one call each. */
const STAFF_OPERATIONS: Record<
  string,
  { query: string; variables: (id: string, agentId: string) => Record<string, unknown> }
> = {
  assignInquiry: {
    query: 'mutation ($id: ID!, $a: ID!) { assignInquiry(inquiryId: $id, agentId: $a) { id } }',
    variables: (id, a) => ({ id, a }),
  },
  replyToInquiry: {
    query: 'mutation ($id: ID!) { replyToInquiry(inquiryId: $id, body: "답변") { id } }',
    variables: (id) => ({ id }),
  },
  'replyToInquiry (internal note)': {
    query:
      'mutation ($id: ID!) { replyToInquiry(inquiryId: $id, body: "메모", internal: true) { id } }',
    variables: (id) => ({ id }),
  },
  requestInquiryInfo: {
    query: 'mutation ($id: ID!) { requestInquiryInfo(inquiryId: $id, body: "정보 주세요") { id } }',
    variables: (id) => ({ id }),
  },
  resolveInquiry: {
    query:
      'mutation ($id: ID!) { resolveInquiry(inquiryId: $id, input: { summary: "해결", publish: true }) { id } }',
    variables: (id) => ({ id }),
  },
  setInquiryPriority: {
    query: 'mutation ($id: ID!) { setInquiryPriority(inquiryId: $id, priority: URGENT) { id } }',
    variables: (id) => ({ id }),
  },
  setAgentTeams: {
    query: 'mutation ($a: ID!) { setAgentTeams(agentId: $a, teams: [ORDERS]) }',
    variables: (_id, a) => ({ a }),
  },
  inquiryQueue: { query: '{ inquiryQueue { totalCount } }', variables: () => ({}) },
  supportAgents: { query: '{ supportAgents { id } }', variables: () => ({}) },
};

describe('who may do what at the support desk', () => {
  let stack: Stack;
  let desk: SupportDesk;
  let agent: TestUser;
  let owner: TestUser;
  let inquiry: InquiryView;
  const callers: Record<string, Caller> = {};

  beforeAll(async () => {
    // No relay: every event stays in its outbox, so a refused call cannot hide one it wrote.
    stack = await startStack({ OUTBOX_RELAY_INTERVAL_MS: '3600000' });
    desk = await SupportDesk.open(stack);
    agent = await desk.agent(['ORDERS']);
    owner = await desk.person(['CUSTOMER']);
    Object.assign(callers, {
      anonymous: null,
      'the customer who asked': owner,
      'another customer': await desk.person(['CUSTOMER']),
      'a partner': await desk.person(['PARTNER']),
      'a seller': await desk.person(['SELLER']),
    });
    inquiry = await desk.inquiry(owner, {
      subject: '주문 취소 가능할까요',
      body: '어제 주문했어요',
    });
    const noted = await desk.act(
      agent,
      'replyToInquiry(inquiryId: $id, body: $body, internal: $internal)',
      {
        id: inquiry.id,
        body: '블랙리스트 고객 여부 확인 (내부)',
        internal: true,
      },
    );
    expect(noted.errors).toBeUndefined();
  });
  afterAll(() => stack.stop());

  /** Everything the support database holds, to prove a refused call changed nothing. */
  const snapshot = async () => ({
    inquiries: await stack.subgraphs.support.subgraph.models.inquiries
      .find()
      .sort({ _id: 1 })
      .lean(),
    agents: await stack.subgraphs.support.subgraph.models.agents.find().sort({ _id: 1 }).lean(),
    articles: await stack.subgraphs.support.subgraph.models.articles.countDocuments(),
  });

  it('refuses every agent operation to anonymous callers, customers, partners and sellers, changing nothing', async () => {
    const before = await snapshot();
    const refusals: string[] = [];
    for (const [name, operation] of Object.entries(STAFF_OPERATIONS)) {
      for (const [who, caller] of Object.entries(callers)) {
        const result = await desk.call(
          caller,
          operation.query,
          operation.variables(inquiry.id, agent.id),
        );
        refusals.push(`${name} by ${who}: ${errorCodes(result).join()}`);
      }
    }
    const expected = Object.keys(STAFF_OPERATIONS).flatMap((name) =>
      Object.keys(callers).map(
        (who) => `${name} by ${who}: ${who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`,
      ),
    );
    expect(refusals).toEqual(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps setAgentTeams to ADMINs: an agent is refused too', async () => {
    const before = await snapshot();
    const result = await desk.call(agent, STAFF_OPERATIONS['setAgentTeams']!.query, {
      a: agent.id,
    });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toEqual(before);
  });

  it('shows the customer their inquiry without internal notes or the audit trail, and staff everything', async () => {
    const seen = await desk.read(owner, inquiry.id);
    expect(seen.messages.map((message) => message.body)).toEqual(['어제 주문했어요']);
    expect(seen.events).toEqual([]);
    const staff = await desk.read(agent, inquiry.id);
    expect(staff.messages.map((message) => [message.body, message.internal])).toEqual([
      ['어제 주문했어요', false],
      ['블랙리스트 고객 여부 확인 (내부)', true],
    ]);
    expect(staff.events.map((event) => event.kind)).toEqual(['CREATED', 'ASSIGNED', 'NOTE_ADDED']);
    const listed = await desk.call<{ myInquiries: { edges: Array<{ node: InquiryView }> } }>(
      owner,
      '{ myInquiries { edges { node { messages { body } events { kind } } } } }',
    );
    expect(listed.data?.myInquiries.edges.map(({ node }) => node)).toEqual([
      { messages: [{ body: '어제 주문했어요' }], events: [] },
    ]);
  });

  it("answers another customer's inquiry NOT_FOUND, like one that does not exist, and changes nothing", async () => {
    const before = await snapshot();
    const read = 'query ($id: ID!) { inquiry(id: $id) { id } }';
    const outcomes: Record<string, unknown[]> = {};
    for (const [who, caller] of Object.entries(callers)) {
      if (caller === owner) continue;
      outcomes[who] = [
        errorCodes(await desk.call(caller, read, { id: inquiry.id })),
        errorCodes(
          await desk.act(caller, 'addInquiryMessage(inquiryId: $id, body: $body)', {
            id: inquiry.id,
            body: '끼어들기',
          }),
        ),
        errorCodes(
          await desk.act(caller, 'rateInquiry(inquiryId: $id, score: $score)', {
            id: inquiry.id,
            score: 1,
          }),
        ),
      ];
    }
    outcomes['unknown id'] = [
      errorCodes(await desk.call(owner, read, { id: new Types.ObjectId().toHexString() })),
    ];
    outcomes['malformed id'] = [errorCodes(await desk.call(owner, read, { id: 'not-an-id' }))];
    const notFound = [['NOT_FOUND'], ['NOT_FOUND'], ['NOT_FOUND']];
    expect(outcomes).toEqual({
      anonymous: [['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['UNAUTHENTICATED']],
      'another customer': notFound,
      'a partner': notFound,
      'a seller': notFound,
      'unknown id': [['NOT_FOUND']],
      'malformed id': [['NOT_FOUND']],
    });
    const stranger = callers['another customer'] ?? null;
    const theirs = await desk.call<{ me: { inquiries: { totalCount: number } } }>(
      stranger,
      '{ me { inquiries { totalCount } } }',
    );
    expect(theirs.data?.me.inquiries.totalCount).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with a typed error and stores nothing', async () => {
    const before = await snapshot();
    const othersOrder = await desk.order(callers['another customer']?.id ?? '');
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['empty subject', { subject: '' }],
      ['subject of 201 characters', { subject: 'ㄱ'.repeat(201) }],
      ['blank body', { body: '   ' }],
      ['body of 5,001 characters', { body: 'a'.repeat(5_001) }],
      ['malformed order id', { orderId: 'abc' }],
      ["another customer's order", { orderId: othersOrder.id }],
      ['unknown order', { orderId: new Types.ObjectId().toHexString() }],
      ['unknown product', { productId: new Types.ObjectId().toHexString() }],
    ];
    const codes = Object.fromEntries(
      await Promise.all(
        attempts.map(
          async ([what, input]) =>
            [what, errorCodes(await desk.createInquiry(owner, input))] as const,
        ),
      ),
    );
    expect(codes).toEqual({
      'empty subject': ['BAD_USER_INPUT'],
      'subject of 201 characters': ['BAD_USER_INPUT'],
      'blank body': ['BAD_USER_INPUT'],
      'body of 5,001 characters': ['BAD_USER_INPUT'],
      'malformed order id': ['BAD_USER_INPUT'],
      "another customer's order": ['NOT_FOUND'],
      'unknown order': ['NOT_FOUND'],
      'unknown product': ['NOT_FOUND'],
    });
    expect(errorCodes(await desk.createInquiry(null))).toEqual(['UNAUTHENTICATED']);
    const staffInput: Array<[string, Caller, string, Record<string, unknown>]> = [
      [
        'empty reply',
        agent,
        'replyToInquiry(inquiryId: $id, body: $body)',
        { id: inquiry.id, body: '' },
      ],
      [
        'score 0',
        owner,
        'rateInquiry(inquiryId: $id, score: $score)',
        { id: inquiry.id, score: 0 },
      ],
      [
        'score 6',
        owner,
        'rateInquiry(inquiryId: $id, score: $score)',
        { id: inquiry.id, score: 6 },
      ],
      [
        'rating before resolution',
        owner,
        'rateInquiry(inquiryId: $id, score: $score)',
        { id: inquiry.id, score: 4 },
      ],
      [
        'assign to a customer',
        agent,
        'assignInquiry(inquiryId: $id, agentId: $agentId)',
        { id: inquiry.id, agentId: owner.id },
      ],
    ];
    const staffCodes: Record<string, unknown[]> = {};
    for (const [what, caller, mutation, variables] of staffInput) {
      staffCodes[what] = errorCodes(await desk.act(caller, mutation, variables));
    }
    expect(staffCodes).toEqual({
      'empty reply': ['BAD_USER_INPUT'],
      'score 0': ['BAD_USER_INPUT'],
      'score 6': ['BAD_USER_INPUT'],
      'rating before resolution': ['INVALID_STATE_TRANSITION'],
      'assign to a customer': ['NOT_FOUND'],
    });
    const teams = 'mutation ($a: ID!) { setAgentTeams(agentId: $a, teams: [CATALOG]) }';
    expect(errorCodes(await desk.call(desk.admin, teams, { a: owner.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await desk.call(desk.admin, teams, { a: new Types.ObjectId().toHexString() })),
    ).toEqual(['NOT_FOUND']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses work on a resolved inquiry with INVALID_STATE_TRANSITION, changing nothing', async () => {
    const other = await desk.inquiry(owner, { subject: '영수증 재발급', body: '부탁드립니다' });
    const resolved = await desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
      id: other.id,
      input: { summary: '재발급했습니다' },
    });
    expect(resolved.errors).toBeUndefined();
    const before = await snapshot();
    const codes = [
      errorCodes(
        await desk.act(agent, 'replyToInquiry(inquiryId: $id, body: $body)', {
          id: other.id,
          body: '추가 답변',
        }),
      ),
      errorCodes(
        await desk.act(agent, 'requestInquiryInfo(inquiryId: $id, body: $body)', {
          id: other.id,
          body: '더 알려주세요',
        }),
      ),
      errorCodes(
        await desk.act(agent, 'setInquiryPriority(inquiryId: $id, priority: $priority)', {
          id: other.id,
          priority: 'HIGH',
        }),
      ),
      errorCodes(
        await desk.act(owner, 'addInquiryMessage(inquiryId: $id, body: $body)', {
          id: other.id,
          body: '아직이요',
        }),
      ),
      errorCodes(
        await desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
          id: other.id,
          input: { summary: '또' },
        }),
      ),
    ];
    expect(codes).toEqual(Array(5).fill(['INVALID_STATE_TRANSITION']));
    expect(await snapshot()).toEqual(before);
  });
});
