import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { LOCALES } from '@shop/jobs';

/** Enough to address a user without reading the users database. */
const recipient = {
  userId: z.string().min(1),
  email: z.string().min(3),
  name: z.string().min(1),
  locale: z.enum(LOCALES).default('ko'),
  phone: z.string().optional(),
};

/**
 * A verification mail is due. `link` holds a one-time token: it lives in the outbox only until
 * relayed, and the mail job that carries it is removed from Redis once sent.
 */
export const userVerificationRequested = defineEvent(
  'users.user.verification-requested',
  z.object({ ...recipient, link: z.url() }),
);

/** The user proved their address: the welcome mail (and SMS, with a phone) follow. */
export const userEmailVerified = defineEvent('users.user.email-verified', z.object(recipient));

/** A password reset mail is due; `link` holds a one-time token, as for verification. */
export const userPasswordResetRequested = defineEvent(
  'users.user.password-reset-requested',
  z.object({ ...recipient, link: z.url() }),
);
