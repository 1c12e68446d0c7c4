import { ZodError } from 'zod';
import type { Logger } from '@shop/logger';
import type { NotificationProducer } from '@shop/jobs';
import { OutboxRelay, mongoOutboxSource, type OutboxEvent } from '@shop/outbox';
import type { BackgroundTask } from '@shop/service';
import type { UserModel } from '../user/user.model';
import { USER_EVENTS, type UserEventPayload } from './user-events';

/**
 * Turns one user event into notification jobs. Job ids derive from the event id, so an event
 * relayed twice (a crash between enqueue and acknowledgement) is queued once.
 */
export async function dispatchUserEvent(
  producer: NotificationProducer,
  event: OutboxEvent,
  logger?: Logger,
): Promise<void> {
  try {
    await enqueueNotifications(producer, event);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    // A payload the queue refuses can never be sent; holding it would stall the outbox.
    logger?.error({ eventId: event.id, type: event.type, err: error.message }, 'event dropped');
  }
}

async function enqueueNotifications(
  producer: NotificationProducer,
  event: OutboxEvent,
): Promise<void> {
  const user = event.payload as UserEventPayload;
  const recipient = { eventId: event.id, to: user.email, name: user.name, locale: user.locale };
  const link = user.link ?? '';
  switch (event.type) {
    case USER_EVENTS.verificationRequested:
      return producer.sendEmail({ ...recipient, template: 'verification', verifyUrl: link });
    case USER_EVENTS.passwordResetRequested:
      return producer.sendEmail({ ...recipient, template: 'password-reset', resetUrl: link });
    case USER_EVENTS.emailVerified:
      await producer.sendEmail({ ...recipient, template: 'welcome' });
      if (user.phone) await producer.sendSms({ ...recipient, to: user.phone, template: 'welcome' });
      return;
    default:
      // Unknown types are acknowledged: no consumer of ours wants them.
      return;
  }
}

/**
 * The users subgraph's outbox relay as a background task: it moves events from user documents
 * to the notification queues and closes the producer when stopped.
 */
export function notificationRelayTask(options: {
  users: UserModel;
  producer: NotificationProducer;
  logger: Logger;
  intervalMs: number;
}): BackgroundTask & { relay: OutboxRelay } {
  const relay = new OutboxRelay({
    sources: [mongoOutboxSource(options.users)],
    dispatch: (event) => dispatchUserEvent(options.producer, event, options.logger),
    logger: options.logger,
    intervalMs: options.intervalMs,
  });
  return {
    relay,
    start: () => relay.start(),
    async stop() {
      await relay.stop();
      await options.producer.close();
    },
  };
}
