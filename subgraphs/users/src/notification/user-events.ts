import {
  userEmailVerified,
  userPasswordResetRequested,
  userVerificationRequested,
} from '@shop/contracts';
import type { DomainEvent } from '@shop/events';
import type { UserDocument } from '../user/user.model';

type Recipient = Pick<UserDocument, '_id' | 'email' | 'name' | 'locale' | 'phone'>;

/** What every user event carries: enough to address the user without reading the database. */
function recipientOf(user: Recipient) {
  return {
    userId: user._id.toHexString(),
    email: user.email,
    name: user.name,
    locale: user.locale ?? 'ko',
    ...(user.phone ? { phone: user.phone } : {}),
  };
}

/** The storefront page a mailed token opens, e.g. `https://shop.example/verify-email?token=…`. */
export function storefrontLink(baseUrl: string, page: string, token: string): string {
  const url = new URL(page, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

export function verificationRequested(user: Recipient, link: string): DomainEvent {
  return userVerificationRequested.create({ ...recipientOf(user), link });
}

export function emailVerified(user: Recipient): DomainEvent {
  return userEmailVerified.create(recipientOf(user));
}

export function passwordResetRequested(user: Recipient, link: string): DomainEvent {
  return userPasswordResetRequested.create({ ...recipientOf(user), link });
}
