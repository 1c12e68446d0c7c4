import { Schema, type Model, type Types } from 'mongoose';
import { withOutbox, type WithOutbox } from '@shop/events';
import { defineModel } from '@shop/mongo';
import type { SlaState } from '../sla/sla-policy';
import {
  INQUIRY_CATEGORIES,
  INQUIRY_PRIORITIES,
  INQUIRY_STATUSES,
  SUPPORT_TEAMS,
  type InquiryCategory,
  type InquiryPriority,
  type InquiryStatus,
  type MessageSide,
  type SupportTeam,
} from './inquiry-vocabulary';

export type {
  InquiryCategory,
  InquiryPriority,
  InquiryStatus,
  SupportTeam,
} from './inquiry-vocabulary';

/** One message of the thread. */
export interface InquiryMessageDocument {
  _id: Types.ObjectId;
  authorId: string;
  side: MessageSide;
  body: string;
  /** A note only staff see; never returned to the customer. */
  internal: boolean;
  at: Date;
}

/** One line of the audit trail: what happened, who did it (a user id or `system`) and when. */
export interface InquiryAuditEntry {
  kind: string;
  by: string;
  at: Date;
  detail?: string | null;
}

export interface InquiryDocument extends WithOutbox {
  _id: Types.ObjectId;
  /** `CS-<yyyymmdd>-<six digits>`, Korean date; unique. */
  number: string;
  customerId: string;
  category: InquiryCategory;
  priority: InquiryPriority;
  team: SupportTeam;
  status: InquiryStatus;
  subject: string;
  orderId: string | null;
  productId: string | null;
  assigneeId: string | null;
  messages: InquiryMessageDocument[];
  sla: SlaState;
  resolution: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  events: InquiryAuditEntry[];
  /** Raised by every write after intake; each write is conditional on the one it read. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const messageSchema = new Schema<InquiryMessageDocument>(
  {
    authorId: { type: String, required: true },
    side: { type: String, enum: ['CUSTOMER', 'AGENT'], required: true },
    body: { type: String, required: true },
    internal: { type: Boolean, required: true, default: false },
    at: { type: Date, required: true },
  },
  { _id: true },
);

const auditSchema = new Schema<InquiryAuditEntry>(
  {
    kind: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    detail: { type: String, default: null },
  },
  { _id: false },
);

const date = { type: Date, default: null };
const slaSchema = new Schema<SlaState>(
  {
    firstResponseDueAt: { type: Date, required: true },
    resolutionDueAt: { type: Date, required: true },
    remindAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    firstRespondedAt: date,
    pausedAt: date,
    pausedMs: { type: Number, required: true, default: 0 },
    remindedAt: date,
    firstResponseBreachedAt: date,
    resolutionBreachedAt: date,
    breached: { type: Boolean, required: true, default: false },
    breachedAt: date,
    plan: { type: Number, required: true, default: 1 },
  },
  { _id: false },
);

const inquirySchema = withOutbox(
  new Schema<InquiryDocument>(
    {
      number: { type: String, required: true },
      customerId: { type: String, required: true },
      category: { type: String, enum: INQUIRY_CATEGORIES, required: true },
      priority: { type: String, enum: INQUIRY_PRIORITIES, required: true },
      team: { type: String, enum: SUPPORT_TEAMS, required: true },
      status: { type: String, enum: INQUIRY_STATUSES, required: true, default: 'OPEN' },
      subject: { type: String, required: true },
      orderId: { type: String, default: null },
      productId: { type: String, default: null },
      assigneeId: { type: String, default: null },
      messages: { type: [messageSchema], default: [] },
      sla: { type: slaSchema, required: true },
      resolution: { type: String, default: null },
      resolvedAt: date,
      closedAt: date,
      rating: { type: Number, default: null },
      ratingComment: { type: String, default: null },
      events: { type: [auditSchema], default: [] },
      revision: { type: Number, required: true, default: 0 },
    },
    { collection: 'inquiries', versionKey: false, timestamps: true },
  ),
);

export type InquiryModel = Model<InquiryDocument>;

export const inquiryModel = defineModel('Inquiry', inquirySchema, [
  [{ number: 1 }, { unique: true }],
  // A customer's inquiries, newest first; the 24-hour repeat check.
  [{ customerId: 1, createdAt: -1 }],
  // The agents' queue: open inquiries, breached first, then the earliest deadline.
  [{ status: 1, team: 1, 'sla.breached': -1, 'sla.dueAt': 1 }],
  [{ assigneeId: 1, status: 1 }],
  // Sweepers: missed timers of open inquiries, resolved ones to auto-close.
  [{ status: 1, 'sla.remindAt': 1 }],
  [{ status: 1, 'sla.firstResponseDueAt': 1 }],
  [{ status: 1, 'sla.resolutionDueAt': 1 }],
  [{ status: 1, resolvedAt: 1 }],
]);
