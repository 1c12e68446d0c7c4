import { Types } from 'mongoose';
import type { Identity } from '@shop/auth';
import { startSla } from '../sla/sla-policy';
import type { InquiryDocument } from './inquiry.model';
import { viewFor } from './inquiry-view';

const identity = (userId: string, ...roles: Identity['roles']): Identity => ({
  userId,
  roles,
  sessionId: 's',
});
const customerId = new Types.ObjectId().toHexString();
const agentId = new Types.ObjectId().toHexString();
const now = new Date('2026-11-23T00:00:00Z');
const HOUR = 3_600_000;
const window = { firstResponseMs: HOUR, resolutionMs: 8 * HOUR };

const inquiry: InquiryDocument = {
  _id: new Types.ObjectId(),
  number: 'CS-20261123-000001',
  customerId,
  category: 'ORDER',
  priority: 'NORMAL',
  team: 'ORDERS',
  status: 'IN_PROGRESS',
  subject: '배송',
  orderId: null,
  productId: null,
  assigneeId: agentId,
  messages: [
    {
      _id: new Types.ObjectId(),
      authorId: customerId,
      side: 'CUSTOMER',
      body: 'q',
      internal: false,
      at: now,
    },
    {
      _id: new Types.ObjectId(),
      authorId: agentId,
      side: 'AGENT',
      body: 'note',
      internal: true,
      at: now,
    },
    {
      _id: new Types.ObjectId(),
      authorId: agentId,
      side: 'AGENT',
      body: 'a',
      internal: false,
      at: now,
    },
  ],
  sla: startSla(now, 'NORMAL', {
    reminderFraction: 0.75,
    windows: { URGENT: window, HIGH: window, NORMAL: window, LOW: window },
  }),
  resolution: null,
  resolvedAt: null,
  closedAt: null,
  rating: null,
  ratingComment: null,
  events: [{ kind: 'ASSIGNED', by: 'system', at: now, detail: null }],
  outbox: [],
  revision: 0,
  createdAt: now,
  updatedAt: now,
};

describe('what each caller sees of an inquiry', () => {
  it('gives the customer the public thread without notes or the audit trail', () => {
    const view = viewFor(inquiry, identity(customerId, 'CUSTOMER'));
    expect(view?.messages.map((message) => message.body)).toEqual(['q', 'a']);
    expect(view?.events).toEqual([]);
    expect(view).not.toHaveProperty('outbox');
  });

  it('gives staff everything but the outbox', () => {
    for (const role of ['AGENT', 'ADMIN'] as const) {
      const view = viewFor(inquiry, identity(new Types.ObjectId().toHexString(), role));
      expect(view?.messages).toHaveLength(3);
      expect(view?.events).toHaveLength(1);
    }
  });

  it('gives another customer, a seller, a partner or nobody nothing at all', () => {
    const stranger = new Types.ObjectId().toHexString();
    expect(viewFor(inquiry, identity(stranger, 'CUSTOMER'))).toBeNull();
    expect(viewFor(inquiry, identity(stranger, 'SELLER'))).toBeNull();
    expect(viewFor(inquiry, identity(stranger, 'PARTNER'))).toBeNull();
    expect(viewFor(inquiry, null)).toBeNull();
  });
});
