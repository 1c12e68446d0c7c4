import { z } from 'zod';
import { accountEmails, accountSms } from './notifications/account-notifications';
import { fulfilmentEmails, fulfilmentSms } from './notifications/fulfilment-notifications';
import { orderEmails } from './notifications/order-notifications';
import { partnerWebhookEmails } from './notifications/partner-webhook-notifications';
import { supportEmails, supportSms } from './notifications/support-notifications';
import { QUEUE_NAMES } from './queue-names';

export { E164_PATTERN, LOCALES, type Locale } from './notifications/common';

/** Queue of transactional mail, consumed by the email worker. */
export const EMAIL_QUEUE = QUEUE_NAMES.email;
/** Queue of text messages, consumed by the SMS worker. */
export const SMS_QUEUE = QUEUE_NAMES.sms;

/**
 * One email: which template, to whom, and the values the template needs. Each area declares its
 * templates in `notifications/<area>-notifications.ts`; the union of all of them is the queue's
 * payload schema.
 */
export const emailJobSchema = z.discriminatedUnion('template', [
  ...accountEmails,
  ...orderEmails,
  ...supportEmails,
  ...partnerWebhookEmails,
  ...fulfilmentEmails,
]);
export type EmailJob = z.infer<typeof emailJobSchema>;
export type EmailTemplate = EmailJob['template'];

/** One text message, by template, as for mail. */
export const smsJobSchema = z.discriminatedUnion('template', [
  ...accountSms,
  ...supportSms,
  ...fulfilmentSms,
]);
export type SmsJob = z.infer<typeof smsJobSchema>;
export type SmsTemplate = SmsJob['template'];

/**
 * The job id of a notification: derived from the event and the channel, so relaying the same
 * event twice adds one job (BullMQ ignores an id it already holds).
 */
export function notificationJobId(channel: 'email' | 'sms', eventId: string): string {
  return `${channel}-${eventId}`;
}
