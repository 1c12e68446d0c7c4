import { Types } from 'mongoose';
import { QUEUE_NAMES, createQueue, type SlaTimerJob } from '@shop/jobs';
import { testIdentity } from '@shop/subgraph-testing';
import { AdjustableClock } from './adjustable-clock';
import { seedInquiry, startSupportOnClock, type SupportForTest } from './support-builders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the desk against a clock it does not wait for', () => {
  let support: SupportForTest;
  const clock = new AdjustableClock();
  const customer = testIdentity('CUSTOMER');

  beforeAll(async () => {
    support = await startSupportOnClock(clock);
  });
  afterAll(() => support.stop());

  const services = () => support.subgraph.services;
  const stored = async (id: Types.ObjectId) =>
    (await support.subgraph.models.inquiries.findById(id).lean())!;
  const outboxTypes = async (id: Types.ObjectId) =>
    ((await stored(id)).outbox ?? []).map((event) => event.type);

  it('auto-closes a resolved inquiry seven days after resolution, not a second before', async () => {
    const resolvedAt = clock.now();
    const inquiry = await seedInquiry(support.subgraph, {
      customerId: customer.userId,
      status: 'RESOLVED',
      resolution: '환불 완료',
      resolvedAt,
    });
    clock.advance(7 * DAY - 1_000);
    expect(await services().autoClose.sweep()).toBe(0);
    clock.advance(1_000);
    expect(await services().autoClose.sweep()).toBe(1);
    expect(await services().autoClose.sweep()).toBe(0);
    const closed = await stored(inquiry._id);
    expect(closed).toMatchObject({ status: 'CLOSED' });
    expect(closed.closedAt?.getTime()).toBeGreaterThanOrEqual(resolvedAt.getTime() + 7 * DAY);
    expect(closed.events.at(-1)).toMatchObject({ kind: 'CLOSED', by: 'system' });
    expect(await outboxTypes(inquiry._id)).toEqual(['support.inquiry.closed']);
  });

  it('acts on a timer only when due and of the current plan, and only once', async () => {
    const inquiry = await seedInquiry(support.subgraph, {
      customerId: customer.userId,
      priority: 'HIGH',
      createdAt: clock.now(),
    });
    const id = inquiry._id.toHexString();
    const timer = { inquiryId: id, stage: 'first-response' as const, plan: 1 };
    expect(await services().sla.fire(timer)).toBe('stale');
    clock.advance(4 * HOUR);
    expect(await services().sla.fire({ ...timer, plan: 2 })).toBe('stale');
    expect(await services().sla.fire(timer)).toBe('breached');
    expect(await services().sla.fire(timer)).toBe('stale');
    const breached = await stored(inquiry._id);
    expect(breached.priority).toBe('URGENT');
    expect(breached.sla).toMatchObject({
      breached: true,
      breachedAt: inquiry.sla.firstResponseDueAt,
      firstResponseBreachedAt: inquiry.sla.firstResponseDueAt,
    });
    expect(breached.events.map((event) => event.kind)).toEqual(['CREATED', 'SLA_BREACHED']);
    expect(await outboxTypes(inquiry._id)).toEqual(['support.inquiry.breached']);
  });

  it('acts once when the timer, a duplicate of it and the sweeper fire together', async () => {
    const inquiry = await seedInquiry(support.subgraph, {
      customerId: customer.userId,
      priority: 'URGENT',
      assigneeId: new Types.ObjectId().toHexString(),
      createdAt: clock.now(),
    });
    clock.advance(0.8 * HOUR);
    const timer = { inquiryId: inquiry._id.toHexString(), stage: 'reminder' as const, plan: 1 };
    const outcomes = await Promise.all([
      ...Array.from({ length: 5 }, () => services().sla.fire(timer)),
      services().sla.sweep(),
    ]);
    expect(
      outcomes.filter((outcome) => outcome === 'reminded').length + Number(outcomes.at(-1)),
    ).toBe(1);
    expect(await outboxTypes(inquiry._id)).toEqual(['support.inquiry.reminder-due']);
    expect(
      (await stored(inquiry._id)).events.filter((event) => event.kind === 'SLA_REMINDER'),
    ).toHaveLength(1);
    // Leave nothing due for the sweep test below.
    clock.advance(8 * HOUR);
    await services().sla.sweep();
  });

  it('sweeps deadlines whose timers never fired, each stage once', async () => {
    const inquiry = await seedInquiry(support.subgraph, {
      customerId: customer.userId,
      priority: 'URGENT',
      assigneeId: new Types.ObjectId().toHexString(),
      createdAt: clock.now(),
    });
    clock.advance(0.8 * HOUR);
    expect(await services().sla.sweep()).toBe(1);
    expect(await outboxTypes(inquiry._id)).toEqual(['support.inquiry.reminder-due']);
    clock.advance(8 * HOUR);
    // Both deadlines passed: two breaches, the priority already URGENT stays so.
    expect(await services().sla.sweep()).toBe(2);
    expect(await services().sla.sweep()).toBe(0);
    const swept = await stored(inquiry._id);
    expect(swept.priority).toBe('URGENT');
    expect(await outboxTypes(inquiry._id)).toEqual([
      'support.inquiry.reminder-due',
      'support.inquiry.breached',
      'support.inquiry.breached',
    ]);
  });

  it('plans one job per stage and plan, and removes the jobs of the plan before', async () => {
    const inquiry = await seedInquiry(support.subgraph, {
      customerId: customer.userId,
      priority: 'LOW',
      createdAt: clock.now(),
    });
    const queue = createQueue<SlaTimerJob>(QUEUE_NAMES.supportSla, support.subgraph.runtime.queues);
    try {
      const id = inquiry._id.toHexString();
      await services().timers.plan(inquiry);
      await services().timers.plan(inquiry);
      const ids = async () =>
        (await queue.getJobs(['delayed', 'waiting']))
          .map((job) => job.id)
          .filter((jobId) => jobId?.includes(id))
          .sort();
      expect(await ids()).toEqual([
        `sla.${id}.first-response.1`,
        `sla.${id}.reminder.1`,
        `sla.${id}.resolution.1`,
      ]);
      await services().timers.plan({
        ...inquiry,
        sla: { ...inquiry.sla, plan: 2, firstRespondedAt: clock.now() },
      });
      expect(await ids()).toEqual([`sla.${id}.resolution.2`]);
    } finally {
      await queue.close();
    }
  });
});
