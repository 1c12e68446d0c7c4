import type { EmailJob, EmailTemplate, Locale, SmsJob, SmsTemplate } from '@shop/jobs';
import { accountEmailCopy, accountSmsCopy } from './account.copy';
import { fulfilmentEmailCopy, fulfilmentSmsCopy } from './fulfilment.copy';
import type { MailCopy } from './mail-copy';
import { orderEmailCopy } from './order.copy';
import { partnerWebhookEmailCopy } from './partner-webhook.copy';
import { supportEmailCopy, supportSmsCopy } from './support.copy';

/** A rendered email. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Every area's templates: adding an area's copy here is all a new template needs. */
const EMAIL_COPY = {
  ko: {
    ...accountEmailCopy.ko,
    ...orderEmailCopy.ko,
    ...supportEmailCopy.ko,
    ...partnerWebhookEmailCopy.ko,
    ...fulfilmentEmailCopy.ko,
  },
  en: {
    ...accountEmailCopy.en,
    ...orderEmailCopy.en,
    ...supportEmailCopy.en,
    ...partnerWebhookEmailCopy.en,
    ...fulfilmentEmailCopy.en,
  },
};
const SMS_COPY = {
  ko: { ...accountSmsCopy.ko, ...supportSmsCopy.ko, ...fulfilmentSmsCopy.ko },
  en: { ...accountSmsCopy.en, ...supportSmsCopy.en, ...fulfilmentSmsCopy.en },
};
// A template in a queue schema without copy in every language fails to compile here.
const _everyEmailHasCopy: Record<Locale, Record<EmailTemplate, unknown>> = EMAIL_COPY;
const _everySmsHasCopy: Record<Locale, Record<SmsTemplate, unknown>> = SMS_COPY;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function copyFor(job: EmailJob): MailCopy {
  // The books are keyed by template, so the entry for a job's template takes that job.
  const write = EMAIL_COPY[job.locale][job.template] as (job: EmailJob) => MailCopy;
  return write(job);
}

/** Renders an email job into subject, plain text and HTML, in the job's locale. */
export function renderEmail(job: EmailJob): RenderedEmail {
  const copy = copyFor(job);
  const text = [
    copy.greeting,
    '',
    ...copy.lines,
    ...(copy.action ? ['', `${copy.action.label}: ${copy.action.url}`] : []),
    '',
    copy.closing,
  ].join('\n');
  const button = copy.action
    ? `<p><a href="${escapeHtml(copy.action.url)}">${escapeHtml(copy.action.label)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="${job.locale}"><body><p>${escapeHtml(copy.greeting)}</p>${copy.lines
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')}${button}<p>${escapeHtml(copy.closing)}</p></body></html>`;
  return { subject: copy.subject, text, html };
}

/** Renders an SMS job into its message body, in the job's locale. */
export function renderSms(job: SmsJob): string {
  const render = SMS_COPY[job.locale][job.template] as (job: SmsJob) => string;
  return render(job);
}
