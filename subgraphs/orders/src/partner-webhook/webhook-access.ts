import { Types } from 'mongoose';
import { hasRole, requireRole, type Identity } from '@shop/auth';
import { NotFoundError } from '@shop/errors';
import type {
  WebhookSubscriptionDocument,
  WebhookSubscriptionModel,
} from './webhook-subscription.model';

/** Partners manage their own subscriptions, admins every one; anyone else is FORBIDDEN. */
export function requireWebhookManager(identity: Identity | null): Identity {
  return requireRole(identity, 'PARTNER', 'ADMIN');
}

/**
 * The subscription the caller may manage. Another partner's subscription is NOT_FOUND, as is
 * a malformed id, so ids of other partners cannot be probed.
 */
export async function ownSubscription(
  subscriptions: WebhookSubscriptionModel,
  identity: Identity | null,
  id: string,
): Promise<WebhookSubscriptionDocument> {
  const caller = requireWebhookManager(identity);
  if (!Types.ObjectId.isValid(id) || String(new Types.ObjectId(id)) !== id.toLowerCase()) {
    throw new NotFoundError('Webhook subscription', id);
  }
  const found = await subscriptions.findById(new Types.ObjectId(id)).lean();
  if (!found || (found.ownerId !== caller.userId && !hasRole(caller, 'ADMIN'))) {
    throw new NotFoundError('Webhook subscription', id);
  }
  return found;
}
