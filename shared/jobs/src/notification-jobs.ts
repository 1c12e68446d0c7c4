import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

/** Queue of transactional mail, consumed by the email worker. */
export const EMAIL_QUEUE = QUEUE_NAMES.email;
/** Queue of text messages, consumed by the SMS worker. */
export const SMS_QUEUE = QUEUE_NAMES.sms;

/** Languages the templates are written in; Korean is the default. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const common = {
  /** The domain event the message answers; the job id and the consumer's dedupe key. */
  eventId: z.string().min(1).max(128),
  locale: z.enum(LOCALES).default('ko'),
  name: z.string().min(1).max(100),
};
const email = { ...common, to: z.email() };

/** One email: which template, to whom, and the values the template needs. */
export const emailJobSchema = z.discriminatedUnion('template', [
  z.object({ ...email, template: z.literal('verification'), verifyUrl: z.url() }),
  z.object({ ...email, template: z.literal('welcome') }),
  z.object({ ...email, template: z.literal('password-reset'), resetUrl: z.url() }),
]);
export type EmailJob = z.infer<typeof emailJobSchema>;
export type EmailTemplate = EmailJob['template'];

/** E.164: a plus sign, a country code and at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** One text message. */
export const smsJobSchema = z.object({
  ...common,
  to: z.string().regex(E164_PATTERN, 'must be an E.164 number'),
  template: z.literal('welcome'),
});
export type SmsJob = z.infer<typeof smsJobSchema>;

/**
 * The job id of a notification: derived from the event and the channel, so relaying the same
 * event twice adds one job (BullMQ ignores an id it already holds).
 */
export function notificationJobId(channel: 'email' | 'sms', eventId: string): string {
  return `${channel}-${eventId}`;
}
