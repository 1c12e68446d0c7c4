import { waitFor } from '@shop/testing';
import { errorCodes, startStack, type Stack } from '../src';
import {
  SupportDesk,
  mailsTo,
  waitForMails,
  type Caller,
  type InquiryView,
} from './support-fixtures';

/**
 * Seed 001 from end to end, through the gateway: 문의 접수 (intake, priority, routing,
 * assignment, agent notified, SLA set) and 문의 처리 (the agent reviews the order and product,
 * asks for more, answers, resolves; survey, resolution recorded, knowledge base updated).
 */
describe('the support desk journey', () => {
  let stack: Stack;
  let desk: SupportDesk;

  beforeAll(async () => {
    stack = await startStack(
      {
        INQUIRY_AUTO_CLOSE_SECONDS: '3',
        SUPPORT_SWEEP_INTERVAL_MS: '300',
        OUTBOX_RELAY_INTERVAL_MS: '100',
      },
      { workers: true },
    );
    desk = await SupportDesk.open(stack);
  });
  afterAll(() => stack.stop());

  it('takes an order inquiry from intake to auto-close, with mail at each step and an audit trail', async () => {
    const agent = await desk.agent(['ORDERS', 'CATALOG', 'ACCOUNTS']);
    const customer = await desk.person(['CUSTOMER']);
    const productId = await desk.product();
    const order = await desk.order(customer.id, { amount: 59_000, status: 'SHIPPED', productId });

    // 문의 접수: routed to ORDERS by category, assigned to the only agent, who is mailed.
    const created = await desk.inquiry(customer, {
      category: 'DELIVERY',
      subject: '주문한 무선 이어폰 배송 지연',
      body: '3일째 배송 준비 중이에요. 언제 받을 수 있나요?',
      orderId: order.id,
      productId,
    });
    expect(created).toMatchObject({
      status: 'OPEN',
      team: 'ORDERS',
      priority: 'NORMAL',
      customer: { id: customer.id },
      assignee: { id: agent.id },
      events: [],
    });
    expect(created.number).toMatch(/^CS-\d{8}-\d{6}$/);
    const [assignedMail] = await waitForMails(agent.email, /새 문의 배정/);
    expect(assignedMail?.subject).toBe(`[Shop 상담] 새 문의 배정: ${created.number}`);

    // 문의 처리: the agent's queue shows the order and the product in one query.
    const queue = await desk.call<{
      inquiryQueue: { totalCount: number; edges: Array<{ node: unknown }> };
    }>(
      agent,
      `{ inquiryQueue(filter: { assignedToMe: true }) { totalCount edges { node {
          id number customer { id email }
          order { id number status total { amount currency } }
          product { id name price { amount currency } }
      } } } }`,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data?.inquiryQueue.totalCount).toBe(1);
    expect(queue.data?.inquiryQueue.edges[0]?.node).toMatchObject({
      id: created.id,
      customer: { id: customer.id, email: customer.email },
      order: {
        id: order.id,
        number: order.number,
        status: 'SHIPPED',
        total: { amount: 59_000, currency: 'KRW' },
      },
      product: { id: productId, name: expect.any(String), price: { currency: 'KRW' } },
    });

    await converse(agent, customer, created);
    await resolveAndRate(agent, customer, created);

    // The resolution is now a knowledge article, found by a word inside a Korean compound.
    const articles = await waitFor('the published article', async () => {
      const found = await desk.call<{
        knowledgeArticles: Array<{ title: string; body: string; category: string }>;
      }>(null, '{ knowledgeArticles(query: "배송지연") { title body category } }');
      return found.data?.knowledgeArticles.length ? found.data.knowledgeArticles : undefined;
    });
    expect(articles).toEqual([
      {
        title: '주문한 무선 이어폰 배송 지연',
        body: expect.stringContaining('택배사 물류센터'),
        category: 'DELIVERY',
      },
    ]);

    // Auto-close, then the whole audit trail with who did what.
    const closed = await waitFor('auto-close', async () => {
      const inquiry = await desk.read(agent, created.id);
      return inquiry.status === 'CLOSED' ? inquiry : undefined;
    });
    expect(closed.events.map(({ kind, by }) => [kind, by])).toEqual([
      ['CREATED', customer.id],
      ['ASSIGNED', 'system'],
      ['INFO_REQUESTED', agent.id],
      ['SLA_RESUMED', customer.id],
      ['NOTE_ADDED', agent.id],
      ['REPLIED', agent.id],
      ['RESOLVED', agent.id],
      ['RATED', customer.id],
      ['CLOSED', 'system'],
    ]);
    const agents = await desk.call<{ supportAgents: Array<{ id: string; openInquiries: number }> }>(
      agent,
      '{ supportAgents { id openInquiries } }',
    );
    expect(agents.data?.supportAgents).toEqual([{ id: agent.id, openInquiries: 0 }]);
    // Exactly the mail the journey promises: one to the agent, three to the customer.
    expect((await mailsTo(agent.email)).map((mail) => mail.subject)).toEqual([
      assignedMail?.subject,
    ]);
    expect(await mailsTo(customer.email)).toHaveLength(3);
  });

  /** Request info (clock paused), the customer answers (resumed), a note, then a reply. */
  async function converse(agent: Caller, customer: Caller, inquiry: InquiryView) {
    const asked = await desk.act(agent, 'requestInquiryInfo(inquiryId: $id, body: $body)', {
      id: inquiry.id,
      body: '주문하신 분 성함과 연락처 뒷자리를 알려주세요.',
    });
    expect(asked.errors).toBeUndefined();
    const waiting = asked.data?.['requestInquiryInfo'];
    expect(waiting?.status).toBe('WAITING_FOR_CUSTOMER');
    expect(waiting?.sla.pausedAt).toEqual(waiting?.sla.firstRespondedAt);
    const [infoMail] = await waitForMails(customer?.email ?? '', /추가 정보가 필요합니다/);
    expect(infoMail?.text).toContain('주문하신 분 성함과 연락처 뒷자리를 알려주세요.');
    expect(infoMail?.text).toContain(`/support/inquiries/${inquiry.id}`);

    const answered = await desk.act(customer, 'addInquiryMessage(inquiryId: $id, body: $body)', {
      id: inquiry.id,
      body: '김민지, 1234입니다.',
    });
    expect(answered.data?.['addInquiryMessage']).toMatchObject({
      status: 'IN_PROGRESS',
      sla: { pausedAt: null },
    });

    const noted = await desk.act(
      agent,
      'replyToInquiry(inquiryId: $id, body: $body, internal: $internal)',
      {
        id: inquiry.id,
        body: '택배사에 확인 요청함 (내부 메모)',
        internal: true,
      },
    );
    expect(noted.errors).toBeUndefined();
    const replied = await desk.act(agent, 'replyToInquiry(inquiryId: $id, body: $body)', {
      id: inquiry.id,
      body: '택배사 확인 결과 내일 도착 예정입니다.',
    });
    expect(replied.data?.['replyToInquiry']?.status).toBe('IN_PROGRESS');
    const [replyMail] = await waitForMails(customer?.email ?? '', /답변이 등록되었습니다/);
    expect(replyMail?.text).toContain('택배사 확인 결과 내일 도착 예정입니다.');

    // The customer sees the thread without the note and without the audit trail.
    const seen = await desk.read(customer, inquiry.id);
    expect(seen.messages.map((message) => [message.side, message.body])).toEqual([
      ['CUSTOMER', '3일째 배송 준비 중이에요. 언제 받을 수 있나요?'],
      ['AGENT', '주문하신 분 성함과 연락처 뒷자리를 알려주세요.'],
      ['CUSTOMER', '김민지, 1234입니다.'],
      ['AGENT', '택배사 확인 결과 내일 도착 예정입니다.'],
    ]);
    expect(seen.events).toEqual([]);
  }

  /** Resolve and publish, the survey mail, one rating. */
  async function resolveAndRate(agent: Caller, customer: Caller, inquiry: InquiryView) {
    const resolved = await desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
      id: inquiry.id,
      input: {
        summary: '택배사 물류센터 적체로 하루 지연되었고, 다음 날 도착했습니다.',
        publish: true,
      },
    });
    expect(resolved.data?.['resolveInquiry']).toMatchObject({
      status: 'RESOLVED',
      resolution: '택배사 물류센터 적체로 하루 지연되었고, 다음 날 도착했습니다.',
    });
    const [survey] = await waitForMails(customer?.email ?? '', /만족스러우셨나요/);
    expect(survey?.html).toContain(`/support/inquiries/${inquiry.id}/rate`);

    const rated = await desk.act(
      customer,
      'rateInquiry(inquiryId: $id, score: $score, comment: $comment)',
      {
        id: inquiry.id,
        score: 5,
        comment: '빠른 안내 감사합니다',
      },
    );
    expect(rated.data?.['rateInquiry']).toMatchObject({
      rating: 5,
      ratingComment: '빠른 안내 감사합니다',
    });
    const again = await desk.act(customer, 'rateInquiry(inquiryId: $id, score: $score)', {
      id: inquiry.id,
      score: 1,
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect((await desk.read(customer, inquiry.id)).rating).toBe(5);
  }
});
