import type { NotificationProducer } from '@shop/jobs';
import type { UsersClient } from '../clients/users.client';
import type { DisabledNotifier } from './webhook-health';

/** Mails the subscription's owner, in their language, that it was disabled and why. */
export function disabledMail(users: UsersClient, producer: NotificationProducer): DisabledNotifier {
  return {
    async subscriptionDisabled(subscription, reason) {
      const contact = await users.contact(subscription.ownerId);
      if (!contact) return;
      await producer.sendEmail({
        template: 'webhook-disabled',
        // One mail per disabling: the subscription and the moment it was turned off.
        eventId: `webhook-disabled-${subscription._id.toHexString()}-${Date.now()}`,
        to: contact.email,
        name: contact.name,
        locale: contact.locale,
        subscriptionId: subscription._id.toHexString(),
        url: subscription.url,
        reason,
      });
    },
  };
}
