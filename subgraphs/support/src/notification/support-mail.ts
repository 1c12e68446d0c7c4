import type { z } from 'zod';
import {
  inquiryAssigned,
  inquiryBreached,
  inquiryReminderDue,
  inquiryReplied,
  inquiryResolved,
  type UserContact,
} from '@shop/contracts';
import type { DomainEvent } from '@shop/events';
import type { emailJobSchema, smsJobSchema } from '@shop/jobs';
import type { InquiryDocument } from '../inquiry/inquiry.model';

/** One message to queue. */
export type SupportMail =
  | { channel: 'email'; job: z.input<typeof emailJobSchema> }
  | { channel: 'sms'; job: z.input<typeof smsJobSchema> };

export type MailedInquiry = Pick<
  InquiryDocument,
  '_id' | 'number' | 'subject' | 'sla' | 'messages'
>;

/** What the mail of a batch of events is written from. */
export interface MailContext {
  /** Agents and customers the events name, by id. */
  contacts: ReadonlyMap<string, UserContact>;
  /** The active ADMINs, when the batch holds a breach. */
  admins: readonly UserContact[];
  inquiries: ReadonlyMap<string, MailedInquiry>;
  /** A storefront link to an inquiry, or to one of its pages (`/rate`). */
  link(inquiryId: string, page?: string): string;
}

const EXCERPT_MAX = 1_000;

function excerpt(text: string): string {
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text;
}

/** The fields every support mail has; `eventId` is the job's dedupe key. */
function header(eventId: string, contact: UserContact, inquiry: MailedInquiry) {
  return {
    eventId,
    to: contact.email,
    name: contact.name,
    locale: contact.locale,
    inquiryNumber: inquiry.number,
    subject: inquiry.subject,
  };
}

type MailBuilder = (event: DomainEvent, context: MailContext) => SupportMail[];

const assigned: MailBuilder = (event, { contacts, inquiries }) => {
  const fact = inquiryAssigned.parse(event);
  const inquiry = inquiries.get(fact.inquiryId);
  const agent = contacts.get(fact.agentId);
  if (!inquiry || !agent) return [];
  const job = {
    ...header(event.id, agent, inquiry),
    template: 'support-agent-assigned' as const,
    priority: fact.priority,
    team: fact.team,
    firstResponseDueAt: inquiry.sla.firstResponseDueAt.toISOString(),
  };
  return [{ channel: 'email', job }];
};

const replied: MailBuilder = (event, { contacts, inquiries, link }) => {
  const fact = inquiryReplied.parse(event);
  const inquiry = inquiries.get(fact.inquiryId);
  const customer = contacts.get(fact.customerId);
  const message = inquiry?.messages.find((item) => item._id.toHexString() === fact.messageId);
  if (!inquiry || !customer || !message) return [];
  const job = {
    ...header(event.id, customer, inquiry),
    template: 'support-customer-reply' as const,
    infoRequested: fact.kind === 'INFO_REQUEST',
    excerpt: excerpt(message.body),
    inquiryUrl: link(fact.inquiryId),
  };
  return [{ channel: 'email', job }];
};

const resolved: MailBuilder = (event, { contacts, inquiries, link }) => {
  const fact = inquiryResolved.parse(event);
  const inquiry = inquiries.get(fact.inquiryId);
  const customer = contacts.get(fact.customerId);
  if (!inquiry || !customer) return [];
  const job = {
    ...header(event.id, customer, inquiry),
    template: 'support-survey' as const,
    ratingUrl: link(fact.inquiryId, '/rate'),
  };
  return [{ channel: 'email', job }];
};

const reminded: MailBuilder = (event, { contacts, inquiries }) => {
  const fact = inquiryReminderDue.parse(event);
  const inquiry = inquiries.get(fact.inquiryId);
  const agent = contacts.get(fact.agentId);
  if (!inquiry || !agent) return [];
  const job = {
    ...header(event.id, agent, inquiry),
    template: 'support-sla-reminder' as const,
    priority: fact.priority,
    firstResponseDueAt: fact.firstResponseDueAt,
  };
  return [{ channel: 'email', job }];
};

/** Every admin gets the mail, and an SMS when they gave a phone number; one job id each. */
const breached: MailBuilder = (event, { admins, inquiries }) => {
  const fact = inquiryBreached.parse(event);
  const inquiry = inquiries.get(fact.inquiryId);
  if (!inquiry) return [];
  const facts = { stage: fact.stage, priority: fact.priority };
  return admins.flatMap((admin): SupportMail[] => {
    const address = header(`${event.id}.${admin.id}`, admin, inquiry);
    const email: SupportMail = {
      channel: 'email',
      job: {
        ...address,
        ...facts,
        template: 'support-escalation',
        team: fact.team,
        dueAt: fact.dueAt,
      },
    };
    if (!admin.phone) return [email];
    const { eventId, name, locale, inquiryNumber } = address;
    const sms = {
      eventId,
      name,
      locale,
      inquiryNumber,
      to: admin.phone,
      template: 'support-escalation' as const,
      ...facts,
    };
    return [email, { channel: 'sms', job: sms }];
  });
};

/** Which events are mailed, and how. */
const MAIL_BUILDERS: Readonly<Record<string, MailBuilder>> = {
  [inquiryAssigned.type]: assigned,
  [inquiryReplied.type]: replied,
  [inquiryResolved.type]: resolved,
  [inquiryReminderDue.type]: reminded,
  [inquiryBreached.type]: breached,
};

export function isMailed(event: DomainEvent): boolean {
  return event.type in MAIL_BUILDERS;
}

/** The agent or customer an event writes to (admins are found by role). */
export function addresseeOf(event: DomainEvent): string | null {
  const { agentId, customerId } = event.payload as { agentId?: unknown; customerId?: unknown };
  const id =
    event.type === inquiryReplied.type || event.type === inquiryResolved.type
      ? customerId
      : agentId;
  return event.type !== inquiryBreached.type && typeof id === 'string' ? id : null;
}

/**
 * The messages one event causes; none when the person or inquiry is gone.
 * @throws MalformedEventError for a payload its definition refuses.
 */
export function mailsFor(event: DomainEvent, context: MailContext): SupportMail[] {
  return MAIL_BUILDERS[event.type]?.(event, context) ?? [];
}
