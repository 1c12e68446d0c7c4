import type { Connection } from '@shop/pagination';
import { hasRole, type Identity } from '@shop/auth';
import type { InquiryDocument } from './inquiry.model';

/**
 * An inquiry as one caller may see it. Customers never get internal notes or the audit trail:
 * they are removed here, in the service layer, so no resolver, entity reference or connection
 * can hand them out by mistake.
 */
export type InquiryView = Omit<InquiryDocument, 'outbox'>;

/** True for AGENT and ADMIN, who work inquiries on behalf of customers. */
export function isStaff(identity: Identity | null): boolean {
  return hasRole(identity, 'AGENT', 'ADMIN');
}

/**
 * The inquiry as `identity` may see it: staff see everything, the customer who asked sees the
 * public thread, and anyone else gets null (the caller answers NOT_FOUND).
 */
export function viewFor(inquiry: InquiryDocument, identity: Identity | null): InquiryView | null {
  const { outbox: _outbox, ...rest } = inquiry;
  if (isStaff(identity)) return rest;
  if (!identity || identity.userId !== inquiry.customerId) return null;
  return { ...rest, messages: rest.messages.filter((message) => !message.internal), events: [] };
}

/** A page of inquiries as the caller may see them. */
export type InquiryPage = Connection<InquiryView>;
