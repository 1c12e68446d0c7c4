import { Types } from 'mongoose';
import { testIdentity } from '@shop/subgraph-testing';
import { RECOVERY_GRACE_MS } from '../src/agent/assignment.service';
import { AdjustableClock } from './adjustable-clock';
import { seedInquiry, startSupportOnClock, type SupportForTest } from './support-builders';

describe('assignments raced or interrupted', () => {
  let support: SupportForTest;
  const clock = new AdjustableClock();
  const customer = testIdentity('CUSTOMER');

  beforeAll(async () => {
    support = await startSupportOnClock(clock);
  });
  afterAll(() => support.stop());

  const models = () => support.subgraph.models;

  /** An agent holding claims on `inquiryIds`, as if claimed just now. */
  async function agentHolding(inquiryIds: string[]): Promise<string> {
    const id = new Types.ObjectId().toHexString();
    await models().agents.collection.insertOne({
      _id: id as unknown as Types.ObjectId,
      teams: ['ORDERS'],
      active: true,
      openInquiryIds: inquiryIds,
      openCount: inquiryIds.length,
      lastAssignedAt: clock.now(),
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    return id;
  }

  it('finishes a claim on an unassigned inquiry and releases claims on closed or reassigned ones, after the grace period', async () => {
    const other = new Types.ObjectId().toHexString();
    const seed = (overrides: Parameters<typeof seedInquiry>[1]) =>
      seedInquiry(support.subgraph, { createdAt: clock.now(), ...overrides });
    const [unassigned, resolved, reassigned, mine] = await Promise.all([
      seed({ customerId: customer.userId }),
      seed({ customerId: customer.userId, status: 'RESOLVED' }),
      seed({ customerId: customer.userId, assigneeId: other }),
      seed({ customerId: customer.userId }),
    ]);
    const held = [unassigned, resolved, reassigned, mine].map((inquiry) =>
      inquiry._id.toHexString(),
    );
    const agentId = await agentHolding(held);
    await models().inquiries.updateOne({ _id: mine._id }, { $set: { assigneeId: agentId } });

    // Within the grace period an assignment may still be in flight: nothing is touched.
    expect(await support.subgraph.services.assignment.recover()).toBe(0);
    clock.advance(RECOVERY_GRACE_MS + 1_000);
    expect(await support.subgraph.services.assignment.recover()).toBe(3);
    expect(await support.subgraph.services.assignment.recover()).toBe(0);

    const agent = await models().agents.findById(agentId).lean();
    expect(agent?.openInquiryIds.sort()).toEqual([held[0], held[3]].sort());
    expect(agent?.openCount).toBe(2);
    const finished = await models().inquiries.findById(unassigned._id).lean();
    expect(finished?.assigneeId).toBe(agentId);
    expect(finished?.events.at(-1)).toMatchObject({
      kind: 'ASSIGNED',
      by: 'system',
      detail: `${agentId}: recovered claim`,
    });
    expect(finished?.outbox?.map((event) => event.type)).toEqual(['support.inquiry.assigned']);
  });

  it('assigns inquiries the intake and two sweeps race for once each, with exact loads', async () => {
    const agentId = await agentHolding([]);
    await models().agents.updateOne({ _id: agentId }, { $set: { teams: ['CATALOG'] } });
    const inquiries = await Promise.all(
      Array.from({ length: 20 }, () =>
        seedInquiry(support.subgraph, {
          customerId: customer.userId,
          category: 'PRODUCT',
          createdAt: clock.now(),
        }),
      ),
    );
    const { assignment } = support.subgraph.services;
    const [byIntake] = await Promise.all([
      Promise.all(inquiries.map((inquiry) => assignment.assignByRule(inquiry))),
      assignment.assignWaiting(['CATALOG']),
      assignment.assignWaiting(['CATALOG']),
    ]);
    expect(byIntake.map((inquiry) => inquiry.assigneeId)).toEqual(inquiries.map(() => agentId));
    const agent = await models().agents.findById(agentId).lean();
    expect(agent?.openCount).toBe(20);
    expect(new Set(agent?.openInquiryIds).size).toBe(20);
    const stored = await models()
      .inquiries.find({ _id: { $in: inquiries.map((inquiry) => inquiry._id) } })
      .lean();
    expect(
      stored.map((inquiry) => inquiry.events.filter((event) => event.kind === 'ASSIGNED').length),
    ).toEqual(inquiries.map(() => 1));
  });
});
