import { OutboxRelay, mongoOutboxSource } from '@shop/events';
import { createNotificationProducer } from '@shop/jobs';
import type { BackgroundTask } from '@shop/lifecycle';
import { notificationDispatcher } from './notification/notification.dispatcher';
import type { UsersParts } from './services';

/** User events go from the users' outbox to the email and SMS queues. */
export function usersBackgroundTasks({ config, runtime, models }: UsersParts): BackgroundTask[] {
  return [
    new OutboxRelay({
      name: 'users',
      sources: [mongoOutboxSource(models.users)],
      dispatchers: [
        notificationDispatcher(createNotificationProducer(runtime.queues), runtime.logger),
      ],
      logger: runtime.logger,
      intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
    }),
  ];
}
