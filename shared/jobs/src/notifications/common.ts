import { z } from 'zod';

/** Languages the templates are written in; Korean is the default. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** E.164: a plus sign, a country code and at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** What every notification carries: the event it answers, the language and the addressee's name. */
export const notificationBase = {
  /** The domain event the message answers; the job id and the consumer's dedupe key. */
  eventId: z.string().min(1).max(128),
  locale: z.enum(LOCALES).default('ko'),
  name: z.string().min(1).max(100),
};

/** The fields of every email job. */
export const emailBase = { ...notificationBase, to: z.email() };

/** The fields of every SMS job. */
export const smsBase = {
  ...notificationBase,
  to: z.string().regex(E164_PATTERN, 'must be an E.164 number'),
};
