import { Types } from 'mongoose';
import { startSubgraphForTest, testIdentity, type SubgraphForTest } from '@shop/testing';
import { RECOVERY_GRACE_MS } from '../src/agent/assignment.service';
import {
  createSupportSubgraph,
  loadSupportConfig,
  type SupportConfig,
  type SupportSubgraph,
} from '../src/server';
import { AdjustableClock } from './adjustable-clock';
import { seedInquiry } from './support-builders';

describe('assignments a crash interrupted', () => {
  let support: SubgraphForTest<SupportConfig, SupportSubgraph>;
  const clock = new AdjustableClock();
  const customer = testIdentity('CUSTOMER');

  beforeAll(async () => {
    support = await startSubgraphForTest({
      name: 'support',
      loadConfig: loadSupportConfig,
      create: (config) => createSupportSubgraph(config, { clock }),
      env: { SUPPORT_BACKGROUND_TASKS: 'off' },
    });
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
});
