import { errorCodes, startStack, type Stack, type TestUser } from '../src';
import { SupportDesk, waitForMails } from './support-fixtures';

interface AgentLoad {
  id: string;
  teams: string[];
  openInquiries: number;
  lastAssignedAt: string | null;
}

describe('routing and assignment', () => {
  let stack: Stack;
  let desk: SupportDesk;

  beforeAll(async () => {
    stack = await startStack({ OUTBOX_RELAY_INTERVAL_MS: '100' }, { workers: true });
    desk = await SupportDesk.open(stack);
  });
  afterAll(() => stack.stop());

  const loads = async (): Promise<Map<string, AgentLoad>> => {
    const result = await desk.call<{ supportAgents: AgentLoad[] }>(
      desk.admin,
      '{ supportAgents { id teams openInquiries lastAssignedAt } }',
    );
    return new Map((result.data?.supportAgents ?? []).map((agent) => [agent.id, agent]));
  };
  const resolve = (agent: TestUser, id: string) =>
    desk.act(agent, 'resolveInquiry(inquiryId: $id, input: $input)', {
      id,
      input: { summary: '해결' },
    });

  it('routes each category to its team', async () => {
    const customer = await desk.person();
    const teams: Record<string, string> = {};
    for (const category of ['ORDER', 'DELIVERY', 'PAYMENT', 'PRODUCT', 'ACCOUNT', 'OTHER']) {
      const inquiry = await desk.inquiry(customer, { category });
      teams[category] = inquiry.team;
      // Resolved at once, so no inquiry waits for the agents of the tests below.
      expect((await resolve(desk.admin, inquiry.id)).errors).toBeUndefined();
    }
    expect(teams).toEqual({
      ORDER: 'ORDERS',
      DELIVERY: 'ORDERS',
      PAYMENT: 'ORDERS',
      PRODUCT: 'CATALOG',
      ACCOUNT: 'ACCOUNTS',
      OTHER: 'ACCOUNTS',
    });
  });

  it('keeps an inquiry waiting in its team until an agent gets the team, then assigns it at once', async () => {
    const customer = await desk.person();
    const waiting = await desk.inquiry(customer, {
      category: 'ACCOUNT',
      subject: '비밀번호 변경이 안 돼요',
    });
    expect(waiting.assignee).toBeNull();
    const agent = await desk.person(['AGENT']);
    await desk.setTeams(agent.id, ['ACCOUNTS']);
    expect((await desk.read(agent, waiting.id)).assignee).toEqual({ id: agent.id });
    await waitForMails(agent.email, new RegExp(`새 문의 배정: ${waiting.number}`));
  });

  it('gives the agent with the fewest open inquiries the next one, the longest idle among equals', async () => {
    const customer = await desk.person();
    const [first, second] = [await desk.agent(['CATALOG']), await desk.agent(['CATALOG'])];
    const assignee = async () =>
      (await desk.inquiry(customer, { category: 'PRODUCT' })).assignee?.id;
    const a = await assignee();
    const b = await assignee();
    expect([a, b].sort()).toEqual([first?.id, second?.id].sort());
    // Both at one: the one assigned longest ago gets the third.
    expect(await assignee()).toBe(a);
    const open = await loads();
    expect([open.get(a ?? '')?.openInquiries, open.get(b ?? '')?.openInquiries]).toEqual([2, 1]);
  });

  it('moves the load when an inquiry is reassigned by hand or resolved', async () => {
    const customer = await desk.person();
    const [from, to] = [await desk.agent(['ORDERS']), await desk.agent([])];
    const before = await loads();
    const inquiry = await desk.inquiry(customer, {
      category: 'PAYMENT',
      subject: '결제 확인 요청',
    });
    const owner = inquiry.assignee?.id ?? '';
    const moved = await desk.act(from, 'assignInquiry(inquiryId: $id, agentId: $agentId)', {
      id: inquiry.id,
      agentId: to.id,
    });
    expect(moved.data?.['assignInquiry']?.assignee).toEqual({ id: to.id });
    const [event] = (moved.data?.['assignInquiry']?.events ?? []).filter(
      (entry) => entry.kind === 'REASSIGNED',
    );
    expect(event).toMatchObject({ by: from.id, detail: `${owner} → ${to.id}: by hand` });
    const after = await loads();
    expect(after.get(owner)?.openInquiries).toBe(before.get(owner)?.openInquiries ?? 0);
    expect(after.get(to.id)?.openInquiries).toBe(1);
    await waitForMails(to.email, new RegExp(`새 문의 배정: ${inquiry.number}`));
    expect((await resolve(from, inquiry.id)).errors).toBeUndefined();
    expect((await loads()).get(to.id)?.openInquiries).toBe(0);
    const gone = await desk.act(from, 'assignInquiry(inquiryId: $id, agentId: $agentId)', {
      id: inquiry.id,
      agentId: to.id,
    });
    expect(errorCodes(gone)).toEqual(['INVALID_STATE_TRANSITION']);
    expect((await loads()).get(to.id)?.openInquiries).toBe(0);
  });
});

describe('200 inquiries at once', () => {
  let stack: Stack;
  let desk: SupportDesk;

  beforeAll(async () => {
    stack = await startStack();
    desk = await SupportDesk.open(stack);
  });
  afterAll(() => stack.stop());

  it('assigns every one, numbered uniquely, with per-agent loads within one of each other', async () => {
    const agents = await Promise.all(Array.from({ length: 6 }, () => desk.agent(['ORDERS'])));
    const bystander = await desk.agent(['CATALOG']);
    const customers = await Promise.all(Array.from({ length: 20 }, () => desk.person()));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        desk.createInquiry(customers[index % customers.length] ?? null, {
          category: 'ORDER',
          subject: `동시 문의 ${index}`,
        }),
      ),
    );
    expect(results.flatMap((result) => errorCodes(result))).toEqual([]);
    const created = results.map((result) => result.data?.createInquiry);
    expect(new Set(created.map((inquiry) => inquiry?.number)).size).toBe(200);
    expect(created.filter((inquiry) => inquiry?.assignee).length).toBe(200);

    const stored = stack.subgraphs.support.subgraph.models;
    const perAgent = new Map<string, number>();
    for (const inquiry of await stored.inquiries.find({}, { assigneeId: 1 }).lean()) {
      perAgent.set(
        inquiry.assigneeId ?? 'nobody',
        (perAgent.get(inquiry.assigneeId ?? 'nobody') ?? 0) + 1,
      );
    }
    const counts = agents.map((agent) => perAgent.get(agent.id) ?? 0);
    // The agents' own counts agree with the inquiries they hold.
    const kept = await stored.agents.find({}, { openCount: 1, openInquiryIds: 1 }).lean();
    for (const agent of kept) {
      expect(agent.openCount).toBe(agent.openInquiryIds.length);
      expect(agent.openCount).toBe(perAgent.get(agent._id) ?? 0);
    }
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(200);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(perAgent.get(bystander.id)).toBeUndefined();
  });
});
