import { ZodError } from 'zod';
import { inquiryBreached, type UserContact } from '@shop/contracts';
import { MalformedEventError, type DomainEvent, type EventDispatcher } from '@shop/events';
import type { NotificationProducer } from '@shop/jobs';
import type { Logger } from '@shop/logger';
import type { UserContactsClient } from '../clients/user-contacts.client';
import type { InquiryModel } from '../inquiry/inquiry.model';
import {
  addresseeOf,
  isMailed,
  mailsFor,
  type MailContext,
  type MailedInquiry,
  type SupportMail,
} from './support-mail';

export interface SupportNotificationOptions {
  producer: NotificationProducer;
  contacts: UserContactsClient;
  inquiries: InquiryModel;
  /** Base of customer links: `<storefront>/support/inquiries/<id>`. */
  storefrontUrl: string;
  logger: Logger;
}

/**
 * The support relay's mail (see `support-mail.ts` for who gets what). Contacts and inquiry text
 * are read when a batch is dispatched, with one contacts call and one inquiry query for the
 * whole batch; events never carry them. Job ids derive from the event (and the admin, for
 * escalations), so a batch relayed twice queues each message once. A failure to reach the
 * users subgraph fails the batch, which stays in the outbox for the next pass.
 */
export function supportNotificationDispatcher(
  options: SupportNotificationOptions,
): EventDispatcher {
  const base = options.storefrontUrl.endsWith('/')
    ? options.storefrontUrl
    : `${options.storefrontUrl}/`;
  const link = (inquiryId: string, page = '') =>
    new URL(`support/inquiries/${inquiryId}${page}`, base).toString();

  async function contextOf(events: readonly DomainEvent[]): Promise<MailContext> {
    const people = events.map(addresseeOf).filter((id): id is string => !!id);
    const inquiryIds = [...new Set(events.map((event) => String(event.payload['inquiryId'])))];
    const [contacts, admins, inquiries] = await Promise.all([
      people.length ? options.contacts.byIds(people) : new Map<string, UserContact>(),
      events.some((event) => event.type === inquiryBreached.type)
        ? options.contacts.byRole('ADMIN')
        : [],
      options.inquiries
        .find({ _id: { $in: inquiryIds } }, { number: 1, subject: 1, sla: 1, messages: 1 })
        .lean<MailedInquiry[]>(),
    ]);
    const byId = new Map(inquiries.map((inquiry) => [inquiry._id.toHexString(), inquiry]));
    return { contacts, admins, inquiries: byId, link };
  }

  const send = (mail: SupportMail) =>
    mail.channel === 'email'
      ? options.producer.sendEmail(mail.job)
      : options.producer.sendSms(mail.job);

  /** A message that can never be queued (refused address) is logged and dropped, not retried. */
  async function sendAll(event: DomainEvent, context: MailContext): Promise<void> {
    try {
      await Promise.all(mailsFor(event, context).map(send));
    } catch (error) {
      if (!(error instanceof ZodError || error instanceof MalformedEventError)) throw error;
      options.logger.error(
        { eventId: event.id, type: event.type, err: error.message },
        'support mail dropped',
      );
    }
  }

  return {
    name: 'support-notifications',
    async dispatch(events) {
      const mailed = events.filter(isMailed);
      if (!mailed.length) return;
      const context = await contextOf(mailed);
      await Promise.all(mailed.map((event) => sendAll(event, context)));
    },
    close: () => options.producer.close(),
  };
}
