import { waitFor } from '@shop/testing';
import { errorCodes, startStack, type Stack, type TestUser } from '../src';
import { SupportDesk, sleep, type InquiryView } from './support-fixtures';

/** SLA time runs 900 times faster: URGENT answers in 4 s, HIGH in 16 s, NORMAL in 96 s. */
const SCALE = 900;
const HOUR_MS = 3_600_000 / SCALE;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: { id: string; priority: string; sla: { breached: boolean } } }>;
}

describe('the desk: priority rules, the queue, the knowledge base', () => {
  let stack: Stack;
  let desk: SupportDesk;
  let agent: TestUser;

  beforeAll(async () => {
    stack = await startStack({ SLA_TIME_SCALE: String(SCALE), OUTBOX_RELAY_INTERVAL_MS: '100' });
    desk = await SupportDesk.open(stack);
    agent = await desk.agent(['ORDERS', 'ACCOUNTS']);
  });
  afterAll(() => stack.stop());

  const queue = async (
    caller: TestUser,
    filter: Record<string, unknown> = {},
    first = 20,
    after?: string,
  ) => {
    const result = await desk.call<{ inquiryQueue: Page }>(
      caller,
      `query ($filter: InquiryFilter, $first: Int, $after: String) {
        inquiryQueue(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id priority sla { breached } } }
        } }`,
      { filter, first, after },
    );
    return result;
  };
  const ids = (page?: Page) => page?.edges.map(({ node }) => node.id) ?? [];

  it('sets the priority by the rules table and records why', async () => {
    const cases: Array<[string, Record<string, unknown>, number?]> = [
      ['NORMAL', { category: 'ORDER', subject: '배송 문의', body: '언제 오나요' }],
      ['LOW', { category: 'OTHER', subject: '제안', body: '앱이 좋아요' }],
      ['HIGH', { category: 'PAYMENT', subject: '결제 확인', body: '확인해 주세요' }],
      ['URGENT', { category: 'ORDER', subject: '긴급요청', body: '오늘 필요해요' }],
      ['HIGH', { category: 'PRODUCT', subject: '상품 상태', body: '상자가 파손되어 왔어요' }],
      ['HIGH', { category: 'ORDER', subject: 'Where is it', body: 'I want a refund' }],
      ['HIGH', { category: 'ORDER', subject: '주문 문의', body: '확인 부탁' }, 300_000],
    ];
    const made: InquiryView[] = [];
    for (const [, input, orderAmount] of cases) {
      const customer = await desk.person();
      const order = orderAmount ? await desk.order(customer.id, { amount: orderAmount }) : null;
      made.push(
        await desk.inquiry(customer, { ...input, ...(order ? { orderId: order.id } : {}) }),
      );
    }
    expect(made.map((inquiry) => inquiry.priority)).toEqual(cases.map(([expected]) => expected));

    const repeat = await desk.person();
    const first = await desk.inquiry(repeat, { category: 'ORDER', subject: '배송 문의' });
    const second = await desk.inquiry(repeat, { category: 'ORDER', subject: '배송 문의 다시' });
    expect([first.priority, second.priority]).toEqual(['NORMAL', 'HIGH']);
    // Resolved, so the queue test below sees only its own.
    for (const { id } of [...made, first, second]) {
      const resolved = await desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
        id,
        input: { summary: '안내 완료' },
      });
      expect(resolved.errors).toBeUndefined();
    }
    const [created] = (await desk.read(agent, second.id)).events;
    expect(created).toMatchObject({
      kind: 'CREATED',
      by: repeat.id,
      detail: 'HIGH (category ORDER, repeat inquiry within 24 h) → ORDERS',
    });
  });

  it('orders the queue breached first, then by the earliest deadline; filters and pages it', async () => {
    const customer = await desk.person(['CUSTOMER']);
    const other = await desk.agent(['ORDERS']);
    const urgent = await desk.inquiry(customer, {
      category: 'ACCOUNT',
      subject: '긴급: 로그인 불가',
    });
    await waitFor('the URGENT inquiry to breach', async () =>
      (await desk.read(agent, urgent.id)).sla.breached ? true : undefined,
    );
    const low = await desk.inquiry(await desk.person(), { category: 'OTHER', subject: '제안' });
    const normal = await desk.inquiry(await desk.person(), {
      category: 'ACCOUNT',
      subject: '주소 변경',
    });
    const high = await desk.inquiry(await desk.person(), {
      category: 'ACCOUNT',
      subject: 'refund please',
    });
    const expected = [urgent.id, high.id, normal.id, low.id];

    const accounts = await queue(agent, { team: 'ACCOUNTS' });
    expect(accounts.errors).toBeUndefined();
    expect(ids(accounts.data?.inquiryQueue)).toEqual(expected);
    expect(accounts.data?.inquiryQueue.edges[0]?.node).toEqual({
      id: urgent.id,
      priority: 'URGENT',
      sla: { breached: true },
    });

    // Pages of two make the same list, no row twice.
    const firstPage = (await queue(agent, { team: 'ACCOUNTS' }, 2)).data?.inquiryQueue;
    expect(firstPage?.pageInfo.hasNextPage).toBe(true);
    const secondPage = (
      await queue(agent, { team: 'ACCOUNTS' }, 2, firstPage?.pageInfo.endCursor ?? '')
    ).data?.inquiryQueue;
    expect([...ids(firstPage), ...ids(secondPage)]).toEqual(expected);
    expect(secondPage).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
    expect(errorCodes(await queue(agent, {}, 2, 'forged'))).toEqual(['BAD_USER_INPUT']);

    const filtered = async (filter: Record<string, unknown>) =>
      ids((await queue(agent, { team: 'ACCOUNTS', ...filter })).data?.inquiryQueue);
    expect(await filtered({ breached: true })).toEqual([urgent.id]);
    expect(await filtered({ priority: ['LOW', 'NORMAL'] })).toEqual([normal.id, low.id]);
    // All four went to the agent of ACCOUNTS; the new ORDERS agent has none of them.
    expect(await filtered({ assignedToMe: true })).toEqual(expected);
    expect(
      ids((await queue(other, { team: 'ACCOUNTS', assignedToMe: true })).data?.inquiryQueue),
    ).toEqual([]);
    // Resolved ones leave the open queue and are found by status.
    const resolved = await desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
      id: low.id,
      input: { summary: '감사합니다' },
    });
    expect(resolved.errors).toBeUndefined();
    expect(await filtered({})).toEqual([urgent.id, high.id, normal.id]);
    expect(await filtered({ status: ['RESOLVED'] })).toContain(low.id);
    expect(await filtered({ status: ['RESOLVED'] })).not.toContain(normal.id);
  });

  it('recounts deadlines not met from the question when an agent changes the priority', async () => {
    const inquiry = await desk.inquiry(await desk.person(), {
      category: 'OTHER',
      subject: '앱 건의',
    });
    expect(inquiry.priority).toBe('LOW');
    const changed = await desk.act(
      agent,
      'setInquiryPriority(inquiryId: $id, priority: $priority)',
      {
        id: inquiry.id,
        priority: 'HIGH',
      },
    );
    const high = changed.data?.['setInquiryPriority'] as InquiryView;
    const created = new Date(inquiry.createdAt).getTime();
    expect(new Date(high.sla.firstResponseDueAt).getTime() - created).toBe(4 * HOUR_MS);
    expect(new Date(high.sla.resolutionDueAt).getTime() - created).toBe(24 * HOUR_MS);
    expect(high.events.at(-1)).toMatchObject({
      kind: 'PRIORITY_CHANGED',
      by: agent.id,
      detail: 'LOW → HIGH',
    });
  });

  it('searches published resolutions in Korean and English, best match first, by category', async () => {
    const publish = async (
      category: string,
      subject: string,
      summary: string,
      publishIt = true,
    ) => {
      const inquiry = await desk.inquiry(await desk.person(), { category, subject });
      const resolved = await desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
        id: inquiry.id,
        input: { summary, publish: publishIt },
      });
      expect(resolved.errors).toBeUndefined();
    };
    await publish(
      'ORDER',
      '배송지 변경 방법',
      '출고 전이라면 마이페이지 주문 상세에서 배송지를 변경할 수 있습니다.',
    );
    await publish(
      'PAYMENT',
      '부분환불 문의',
      '부분환불은 취소한 상품 금액만큼 3영업일 안에 처리됩니다.',
    );
    await publish(
      'PAYMENT',
      'Refund to a card',
      'Refunds reach the card within three business days.',
    );
    await publish('ACCOUNT', '비밀번호 재설정', '로그인 화면에서 재설정 메일을 받으세요.', false);
    await waitFor('three articles', async () =>
      (await stack.subgraphs.support.subgraph.models.articles.countDocuments()) === 3
        ? true
        : undefined,
    );
    const search = async (query: string | null, category?: string) => {
      const result = await desk.call<{ knowledgeArticles: Array<{ title: string }> }>(
        null,
        'query ($q: String, $c: InquiryCategory) { knowledgeArticles(query: $q, category: $c) { title } }',
        { q: query, c: category },
      );
      return result.data?.knowledgeArticles.map((article) => article.title);
    };
    expect(await search('환불')).toEqual(['부분환불 문의']);
    expect(await search('refunded')).toEqual(['Refund to a card']);
    expect(await search('배송지를 바꾸고 싶어요')).toEqual(['배송지 변경 방법']);
    // Ranked by terms matched (title matches count twice), not by age: the older article first.
    expect(await search('부분환불 refund', 'PAYMENT')).toEqual([
      '부분환불 문의',
      'Refund to a card',
    ]);
    expect(await search('refund card 환불')).toEqual(['Refund to a card', '부분환불 문의']);
    expect(await search('환불', 'ORDER')).toEqual([]);
    expect(await search('비밀번호')).toEqual([]);
    expect(await search(null)).toEqual(['Refund to a card', '부분환불 문의', '배송지 변경 방법']);
  });

  it("pages a customer's inquiries newest first, for the customer and for staff", async () => {
    const customer = await desk.person();
    const made: string[] = [];
    for (const subject of ['첫 번째', '두 번째', '세 번째']) {
      made.push((await desk.inquiry(customer, { category: 'ACCOUNT', subject })).id);
      await sleep(5);
    }
    const mine =
      'query ($after: String) { me { inquiries(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }';
    const first = await desk.call<{ me: { inquiries: Page } }>(customer, mine);
    const rest = await desk.call<{ me: { inquiries: Page } }>(customer, mine, {
      after: first.data?.me.inquiries.pageInfo.endCursor,
    });
    expect([...ids(first.data?.me.inquiries), ...ids(rest.data?.me.inquiries)]).toEqual(
      [...made].reverse(),
    );
    expect(first.data?.me.inquiries.totalCount).toBe(3);
    const staff = await desk.call<{ inquiry: { customer: { id: string } } }>(
      agent,
      'query ($id: ID!) { inquiry(id: $id) { customer { id } } }',
      { id: made[0] },
    );
    expect(staff.data?.inquiry.customer.id).toBe(customer.id);
  });
});
