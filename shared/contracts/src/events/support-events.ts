import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { objectIdPayload } from './money';

/**
 * Events of the support desk (seed 001: the CustomerInquiry event). They carry ids and the
 * facts a consumer acts on, never contact details or message text: the support relay looks
 * those up when it turns an event into mail, so nothing personal waits in an outbox or a queue
 * longer than the mail itself.
 */
const INQUIRY_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
const SUPPORT_TEAMS = ['ORDERS', 'CATALOG', 'ACCOUNTS'] as const;
const INQUIRY_CATEGORIES = ['ORDER', 'DELIVERY', 'PRODUCT', 'PAYMENT', 'ACCOUNT', 'OTHER'] as const;

const inquiry = {
  inquiryId: objectIdPayload,
  /** The number customers and agents quote, e.g. `CS-20261123-000042`. */
  number: z.string().min(1),
};

/** A customer opened an inquiry; it is routed to `team` with `priority`. */
export const inquiryCreated = defineEvent(
  'support.inquiry.created',
  z.object({
    ...inquiry,
    customerId: objectIdPayload,
    category: z.enum(INQUIRY_CATEGORIES),
    priority: z.enum(INQUIRY_PRIORITIES),
    team: z.enum(SUPPORT_TEAMS),
    orderId: objectIdPayload.optional(),
    productId: objectIdPayload.optional(),
  }),
);

/** An agent got the inquiry, by the assignment rule (`by: system`) or from a colleague. */
export const inquiryAssigned = defineEvent(
  'support.inquiry.assigned',
  z.object({
    ...inquiry,
    agentId: objectIdPayload,
    previousAgentId: objectIdPayload.optional(),
    team: z.enum(SUPPORT_TEAMS),
    priority: z.enum(INQUIRY_PRIORITIES),
    /** The user who assigned it, or `system`. */
    by: z.string().min(1),
  }),
);

/** An agent wrote to the customer: an answer, or a request for more information. */
export const inquiryReplied = defineEvent(
  'support.inquiry.replied',
  z.object({
    ...inquiry,
    customerId: objectIdPayload,
    agentId: objectIdPayload,
    messageId: objectIdPayload,
    kind: z.enum(['REPLY', 'INFO_REQUEST']),
  }),
);

/** 75 % of the first-response window passed without an answer: the assignee is reminded. */
export const inquiryReminderDue = defineEvent(
  'support.inquiry.reminder-due',
  z.object({
    ...inquiry,
    agentId: objectIdPayload,
    priority: z.enum(INQUIRY_PRIORITIES),
    firstResponseDueAt: z.string().min(1),
  }),
);

/** A deadline passed: the priority went up one step and the team's admins are alerted. */
export const inquiryBreached = defineEvent(
  'support.inquiry.breached',
  z.object({
    ...inquiry,
    stage: z.enum(['FIRST_RESPONSE', 'RESOLUTION']),
    priority: z.enum(INQUIRY_PRIORITIES),
    previousPriority: z.enum(INQUIRY_PRIORITIES),
    team: z.enum(SUPPORT_TEAMS),
    agentId: objectIdPayload.optional(),
    dueAt: z.string().min(1),
    breachedAt: z.string().min(1),
  }),
);

/** An agent resolved the inquiry; the customer is asked how it went. */
export const inquiryResolved = defineEvent(
  'support.inquiry.resolved',
  z.object({
    ...inquiry,
    customerId: objectIdPayload,
    agentId: objectIdPayload,
    /** The resolution is to become a knowledge article. */
    publish: z.boolean(),
  }),
);

/** The customer rated the help they got, 1–5. */
export const inquiryRated = defineEvent(
  'support.inquiry.rated',
  z.object({
    ...inquiry,
    score: z.number().int().min(1).max(5),
    agentId: objectIdPayload.optional(),
  }),
);

/** A resolved inquiry closed on its own after the auto-close delay. */
export const inquiryClosed = defineEvent(
  'support.inquiry.closed',
  z.object({ ...inquiry, customerId: objectIdPayload }),
);

/** Every support event, in the order an inquiry usually raises them. */
export const SUPPORT_EVENTS = [
  inquiryCreated,
  inquiryAssigned,
  inquiryReplied,
  inquiryReminderDue,
  inquiryBreached,
  inquiryResolved,
  inquiryRated,
  inquiryClosed,
] as const;
