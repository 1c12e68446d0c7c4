import type { EmailJob, EmailTemplate, Locale, SmsJob, SmsTemplate } from '@shop/jobs';

/** What a mail says, before it is laid out as text and HTML. */
export interface MailCopy {
  subject: string;
  greeting: string;
  lines: string[];
  action?: { label: string; url: string };
  closing: string;
}

/** For each language, how each of some templates reads for its job. */
export type EmailCopyBook<TTemplate extends EmailTemplate> = Record<
  Locale,
  { [Template in TTemplate]: (job: Extract<EmailJob, { template: Template }>) => MailCopy }
>;

/** For each language, the text of each of some SMS templates. */
export type SmsCopyBook<TTemplate extends SmsTemplate> = Record<
  Locale,
  { [Template in TTemplate]: (job: Extract<SmsJob, { template: Template }>) => string }
>;
