import { ZodError } from 'zod';
import {
  userEmailVerified,
  userPasswordResetRequested,
  userVerificationRequested,
} from '@shop/contracts';
import { MalformedEventError, type DomainEvent, type EventDispatcher } from '@shop/events';
import type { NotificationProducer } from '@shop/jobs';
import type { Logger } from '@shop/logger';

/**
 * Turns one user event into notification jobs. Job ids derive from the event id, so an event
 * relayed twice (a crash between enqueue and acknowledgement) is queued once.
 */
async function enqueueNotifications(
  producer: NotificationProducer,
  event: DomainEvent,
): Promise<void> {
  const addressee = (user: { name: string; locale: 'ko' | 'en' }) => ({
    eventId: event.id,
    name: user.name,
    locale: user.locale,
  });
  switch (event.type) {
    case userVerificationRequested.type: {
      const user = userVerificationRequested.parse(event);
      const verifyUrl = user.link;
      return producer.sendEmail({
        ...addressee(user),
        to: user.email,
        template: 'verification',
        verifyUrl,
      });
    }
    case userPasswordResetRequested.type: {
      const user = userPasswordResetRequested.parse(event);
      const resetUrl = user.link;
      return producer.sendEmail({
        ...addressee(user),
        to: user.email,
        template: 'password-reset',
        resetUrl,
      });
    }
    case userEmailVerified.type: {
      const user = userEmailVerified.parse(event);
      await producer.sendEmail({ ...addressee(user), to: user.email, template: 'welcome' });
      if (user.phone)
        await producer.sendSms({ ...addressee(user), to: user.phone, template: 'welcome' });
      return;
    }
    default:
      // Other types are acknowledged: nobody is notified of them.
      return;
  }
}

/**
 * The users relay's dispatcher: user events become email and SMS jobs. An event whose mail can
 * never be queued (its payload or address refused) is logged and dropped, since holding it
 * would stall the outbox behind it.
 */
export function notificationDispatcher(
  producer: NotificationProducer,
  logger: Logger,
): EventDispatcher {
  const dispatchOne = async (event: DomainEvent) => {
    try {
      await enqueueNotifications(producer, event);
    } catch (error) {
      if (!(error instanceof ZodError || error instanceof MalformedEventError)) throw error;
      logger.error({ eventId: event.id, type: event.type, err: error.message }, 'event dropped');
    }
  };
  return {
    name: 'notifications',
    async dispatch(events) {
      await Promise.all(events.map(dispatchOne));
    },
    close: () => producer.close(),
  };
}
