import { z } from 'zod';
import { emailBase, smsBase } from './common';

const inquiry = {
  /** The number customers and agents quote, e.g. `CS-20261123-000042`. */
  inquiryNumber: z.string().min(1).max(40),
  subject: z.string().min(1).max(200),
};
const priority = z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
const team = z.enum(['ORDERS', 'CATALOG', 'ACCOUNTS']);
const stage = z.enum(['FIRST_RESPONSE', 'RESOLUTION']);
const instant = z.iso.datetime();

/** Mail of the support desk: to agents (assignment, reminder), customers and admins. */
export const supportEmails = [
  z.object({
    ...emailBase,
    ...inquiry,
    template: z.literal('support-agent-assigned'),
    priority,
    team,
    firstResponseDueAt: instant,
  }),
  z.object({
    ...emailBase,
    ...inquiry,
    template: z.literal('support-customer-reply'),
    /** The agent asks for more information rather than answering. */
    infoRequested: z.boolean(),
    excerpt: z.string().min(1).max(1_000),
    inquiryUrl: z.url(),
  }),
  z.object({
    ...emailBase,
    ...inquiry,
    template: z.literal('support-survey'),
    ratingUrl: z.url(),
  }),
  z.object({
    ...emailBase,
    ...inquiry,
    template: z.literal('support-sla-reminder'),
    priority,
    firstResponseDueAt: instant,
  }),
  z.object({
    ...emailBase,
    ...inquiry,
    template: z.literal('support-escalation'),
    stage,
    priority,
    team,
    dueAt: instant,
  }),
] as const;

/** Text messages of the support desk: the escalation to admins. */
export const supportSms = [
  z.object({
    ...smsBase,
    template: z.literal('support-escalation'),
    inquiryNumber: inquiry.inquiryNumber,
    stage,
    priority,
  }),
] as const;
