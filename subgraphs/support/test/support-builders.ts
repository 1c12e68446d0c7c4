import { Types } from 'mongoose';
import { startSubgraphForTest, type SubgraphForTest } from '@shop/subgraph-testing';
import type { Clock } from '../src/clock';
import type { InquiryDocument } from '../src/inquiry/inquiry.model';
import { CATEGORY_TEAMS } from '../src/inquiry/inquiry-vocabulary';
import {
  supportSubgraph,
  loadSupportConfig,
  type SupportConfig,
  type SupportSubgraph,
} from '../src/server';
import { startSla, type SlaPolicy } from '../src/sla/sla-policy';

const HOUR = 3_600_000;
/** API.md's default windows, for inquiries seeded without a running intake. */
export const DEFAULT_SLA: SlaPolicy = {
  reminderFraction: 0.75,
  windows: {
    URGENT: { firstResponseMs: 1 * HOUR, resolutionMs: 8 * HOUR },
    HIGH: { firstResponseMs: 4 * HOUR, resolutionMs: 24 * HOUR },
    NORMAL: { firstResponseMs: 24 * HOUR, resolutionMs: 72 * HOUR },
    LOW: { firstResponseMs: 72 * HOUR, resolutionMs: 168 * HOUR },
  },
};

type MessageSeed = Pick<
  InquiryDocument['messages'][number],
  'authorId' | 'side' | 'body' | 'internal'
>;

/**
 * Seed builder: an inquiry written straight into the support database, as the intake would
 * have stored it, for tests about what comes after the intake.
 */
export async function seedInquiry(
  subgraph: SupportSubgraph,
  seed: Partial<Omit<InquiryDocument, 'messages'>> & {
    customerId: string;
    messages?: MessageSeed[];
  },
): Promise<InquiryDocument> {
  const createdAt = seed.createdAt ?? new Date();
  const category = seed.category ?? 'ORDER';
  const priority = seed.priority ?? 'NORMAL';
  const document = {
    _id: new Types.ObjectId(),
    number: `CS-TEST-${new Types.ObjectId().toHexString().slice(-8)}`,
    category,
    priority,
    team: CATEGORY_TEAMS[category],
    status: 'OPEN' as const,
    subject: 'A question',
    orderId: null,
    productId: null,
    assigneeId: null,
    sla: startSla(createdAt, priority, DEFAULT_SLA),
    resolution: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    ratingComment: null,
    events: [{ kind: 'CREATED', by: seed.customerId, at: createdAt, detail: null }],
    revision: 0,
    createdAt,
    updatedAt: createdAt,
    ...seed,
    messages: (
      seed.messages ?? [
        { authorId: seed.customerId, side: 'CUSTOMER', body: 'Hello', internal: false },
      ]
    ).map((message) => ({ _id: new Types.ObjectId(), at: createdAt, ...message })),
  };
  await subgraph.models.inquiries.collection.insertOne(document);
  return document as InquiryDocument;
}

export type SupportForTest = SubgraphForTest<SupportConfig, SupportSubgraph>;

/**
 * The support subgraph on its own database, on `clock`, with no background work: the test
 * calls each step (sweeps, timers) itself, and outboxes keep their events for it to read.
 */
export function startSupportOnClock(clock: Clock): Promise<SupportForTest> {
  return startSubgraphForTest(supportSubgraph({ clock }), loadSupportConfig, {
    SUPPORT_BACKGROUND_TASKS: 'off',
  });
}
