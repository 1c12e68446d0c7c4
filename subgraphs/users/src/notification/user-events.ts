import type { Locale } from '@shop/jobs';
import { newOutboxEvent, type OutboxEvent } from '@shop/outbox';
import type { UserDocument } from '../user/user.model';

/** Event types the users subgraph writes to its outbox. */
export const USER_EVENTS = {
  verificationRequested: 'users.user.verification-requested',
  emailVerified: 'users.user.email-verified',
  passwordResetRequested: 'users.user.password-reset-requested',
} as const;

/** What every user event carries: enough to address the user without reading the database. */
export interface UserEventPayload extends Record<string, unknown> {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  phone?: string;
  /** The link of a verification or reset mail; holds a token, so it lives only until relayed. */
  link?: string;
}

type Recipient = Pick<UserDocument, '_id' | 'email' | 'name' | 'locale' | 'phone'>;

function payload(user: Recipient, link?: string): UserEventPayload {
  return {
    userId: user._id.toHexString(),
    email: user.email,
    name: user.name,
    locale: user.locale ?? 'ko',
    ...(user.phone ? { phone: user.phone } : {}),
    ...(link ? { link } : {}),
  };
}

/** The storefront page a mailed token opens, e.g. `https://shop.example/verify-email?token=…`. */
export function storefrontLink(baseUrl: string, page: string, token: string): string {
  const url = new URL(page, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

export function verificationRequested(user: Recipient, link: string): OutboxEvent {
  return newOutboxEvent(USER_EVENTS.verificationRequested, payload(user, link));
}

export function emailVerified(user: Recipient): OutboxEvent {
  return newOutboxEvent(USER_EVENTS.emailVerified, payload(user));
}

export function passwordResetRequested(user: Recipient, link: string): OutboxEvent {
  return newOutboxEvent(USER_EVENTS.passwordResetRequested, payload(user, link));
}
