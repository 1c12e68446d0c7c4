import { QUEUE_NAMES, createQueue } from '@shop/jobs';
import { waitFor } from '@shop/testing';
import { startStack, type Stack, type TestUser } from '../src';
import {
  SupportDesk,
  mailsTo,
  sleep,
  smsTo,
  waitForMails,
  type InquiryView,
} from './support-fixtures';

/** An hour of SLA time passes in a second: HIGH answers in 4 s, reminded at 3 s. */
const SCALE = 3_600;
const HIGH_FIRST_RESPONSE_MS = (4 * 3_600_000) / SCALE;
const REMINDER_MS = HIGH_FIRST_RESPONSE_MS * 0.75;
const at = (iso: string | null | undefined) => new Date(iso ?? 0).getTime();

describe('SLA timers with a fast clock', () => {
  let stack: Stack;
  let desk: SupportDesk;
  let agent: TestUser;
  let admins: Array<TestUser & { phone?: string }>;

  beforeAll(async () => {
    stack = await startStack(
      {
        SLA_TIME_SCALE: String(SCALE),
        SUPPORT_SWEEP_INTERVAL_MS: '500',
        OUTBOX_RELAY_INTERVAL_MS: '100',
      },
      { workers: true },
    );
    desk = await SupportDesk.open(stack);
    // Escalations go to every active ADMIN: the desk's own, one with a phone, one without.
    admins = [
      desk.admin,
      await desk.person(['ADMIN'], '+821055500001'),
      await desk.person(['ADMIN']),
    ];
    agent = await desk.agent(['ORDERS', 'CATALOG', 'ACCOUNTS']);
  });
  afterAll(() => stack.stop());

  /** A HIGH inquiry (refund words) of a new customer, assigned to the agent. */
  async function highInquiry(subject: string): Promise<InquiryView> {
    const customer = await desk.person(['CUSTOMER']);
    const inquiry = await desk.inquiry(customer, {
      category: 'ORDER',
      subject,
      body: '환불 부탁드립니다.',
    });
    expect(inquiry).toMatchObject({ priority: 'HIGH', assignee: { id: agent.id } });
    return inquiry;
  }

  const escalationsOf = async (inquiry: InquiryView) =>
    (await Promise.all(admins.map((admin) => mailsTo(admin.email))))
      .flat()
      .filter((mail) => mail.subject.includes(`SLA 위반 에스컬레이션: ${inquiry.number}`));
  const remindersOf = async (inquiry: InquiryView) =>
    (await mailsTo(agent.email)).filter((mail) =>
      mail.subject.includes(`첫 응답 기한 임박: ${inquiry.number}`),
    );
  const kinds = (inquiry: InquiryView, kind: string) =>
    inquiry.events.filter((event) => event.kind === kind);

  it('reminds the assignee at 75 % of the first-response window and escalates the breach to every admin by email and SMS', async () => {
    const inquiry = await highInquiry('환불 문의: 리마인더와 위반');
    const created = at(inquiry.createdAt);
    await waitForMails(agent.email, new RegExp(`첫 응답 기한 임박: ${inquiry.number}`));
    const reminded = await desk.read(agent, inquiry.id);
    const [reminder] = kinds(reminded, 'SLA_REMINDER');
    // Due at exactly 75 % (3 s); the delayed job fires within a few hundred ms of it, and
    // before the deadline (the breach may follow before this read on a busy machine).
    expect(at(reminder?.at) - created).toBeGreaterThanOrEqual(REMINDER_MS);
    expect(at(reminder?.at) - created).toBeLessThan(HIGH_FIRST_RESPONSE_MS);
    expect(reminded.events.map((event) => event.kind).slice(0, 3)).toEqual([
      'CREATED',
      'ASSIGNED',
      'SLA_REMINDER',
    ]);

    await waitFor('an escalation mail to each admin', async () =>
      (await escalationsOf(inquiry)).length === admins.length ? true : undefined,
    );
    const [sms] = await waitFor('the escalation SMS', async () => {
      const found = (await smsTo('+821055500001')).filter((message) =>
        message.body.includes(inquiry.number),
      );
      return found.length ? found : undefined;
    });
    expect(sms?.body).toBe(`[Shop 상담] ${inquiry.number} 첫 응답 SLA 위반, 우선순위 긴급`);
    const breached = await desk.read(agent, inquiry.id);
    expect(breached.priority).toBe('URGENT');
    expect(breached.sla).toMatchObject({
      breached: true,
      breachedAt: breached.sla.firstResponseDueAt,
    });
    expect(at(breached.sla.firstResponseDueAt) - created).toBe(HIGH_FIRST_RESPONSE_MS);
    expect(kinds(breached, 'SLA_BREACHED')).toHaveLength(1);

    // Nothing more comes: one reminder, one mail per admin, one SMS (one admin has a phone).
    await sleep(1_500);
    expect(await remindersOf(inquiry)).toHaveLength(1);
    expect(await escalationsOf(inquiry)).toHaveLength(admins.length);
    expect(
      (await smsTo('+821055500001')).filter((message) => message.body.includes(inquiry.number)),
    ).toHaveLength(1);
  });

  it('pauses the clock while waiting for the customer and shifts the deadline by exactly the paused time', async () => {
    const customer = await desk.person(['CUSTOMER']);
    // NORMAL: the first response is 24 s away, so asking right away is safe on a busy machine.
    const inquiry = await desk.inquiry(customer, { subject: '결제 확인', body: '확인 부탁드려요' });
    const asked = await desk.act(agent, 'requestInquiryInfo(inquiryId: $id, body: $body)', {
      id: inquiry.id,
      body: '영수증 사진을 보내주세요.',
    });
    expect(asked.data?.['requestInquiryInfo']?.sla.pausedAt).not.toBeNull();
    // Made URGENT while paused: resolution due 8 s after the question; the pause outlasts it.
    const urgent = await desk.act(
      agent,
      'setInquiryPriority(inquiryId: $id, priority: $priority)',
      {
        id: inquiry.id,
        priority: 'URGENT',
      },
    );
    const paused = urgent.data?.['setInquiryPriority'];
    expect(at(paused?.sla.resolutionDueAt) - at(inquiry.createdAt)).toBe((8 * 3_600_000) / SCALE);
    await sleep(9_000);
    const stillPaused = await desk.read(agent, inquiry.id);
    expect(stillPaused).toMatchObject({ status: 'WAITING_FOR_CUSTOMER', sla: { breached: false } });
    expect(kinds(stillPaused, 'SLA_BREACHED')).toEqual([]);

    const answered = await desk.act(customer, 'addInquiryMessage(inquiryId: $id, body: $body)', {
      id: inquiry.id,
      body: '보냈습니다.',
    });
    expect(answered.errors).toBeUndefined();
    const resumed = await desk.read(agent, inquiry.id);
    const [resume] = kinds(resumed, 'SLA_RESUMED');
    const pausedFor = at(resume?.at) - at(paused?.sla.pausedAt);
    expect(pausedFor).toBeGreaterThanOrEqual(9_000);
    expect(at(resumed.sla.resolutionDueAt) - at(paused?.sla.resolutionDueAt)).toBe(pausedFor);
    expect(resumed.sla).toMatchObject({ pausedAt: null, breached: false });
  });

  it('fires each timer once when the support process restarts between the reminder and the breach', async () => {
    const inquiry = await highInquiry('환불 문의: 재시작');
    await waitForMails(agent.email, new RegExp(`첫 응답 기한 임박: ${inquiry.number}`));
    await stack.restart('support');
    await waitFor('an escalation mail to each admin', async () =>
      (await escalationsOf(inquiry)).length === admins.length ? true : undefined,
    );
    await sleep(1_500);
    const after = await desk.read(agent, inquiry.id);
    expect(kinds(after, 'SLA_REMINDER')).toHaveLength(1);
    expect(kinds(after, 'SLA_BREACHED')).toHaveLength(1);
    expect(await remindersOf(inquiry)).toHaveLength(1);
    expect(await escalationsOf(inquiry)).toHaveLength(admins.length);
  });

  it('catches a deadline whose timer Redis lost with the sweeper, once', async () => {
    const inquiry = await highInquiry('환불 문의: 타이머 유실');
    // As if Redis lost its data: every planned SLA timer is gone.
    const queue = createQueue(
      QUEUE_NAMES.supportSla,
      stack.subgraphs.support.subgraph.runtime.queues,
    );
    await queue.obliterate({ force: true });
    await queue.close();
    await waitFor(
      'an escalation mail to each admin',
      async () => ((await escalationsOf(inquiry)).length === admins.length ? true : undefined),
      { timeoutMs: 20_000 },
    );
    await sleep(1_500);
    const after = await desk.read(agent, inquiry.id);
    expect(kinds(after, 'SLA_BREACHED')).toHaveLength(1);
    expect(after.sla.breachedAt).toBe(after.sla.firstResponseDueAt);
    expect(await escalationsOf(inquiry)).toHaveLength(admins.length);
  });
});
