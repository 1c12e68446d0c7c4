import { OutboxRelay, eventQueues, mongoOutboxSource } from '@shop/events';
import { createNotificationProducer } from '@shop/jobs';
import type { BackgroundTask } from '@shop/lifecycle';
import { deskSweeper } from './desk-sweeper';
import { knowledgePublisher } from './knowledge/knowledge-publisher';
import { supportNotificationDispatcher } from './notification/support-notification.dispatcher';
import type { SupportParts } from './services';
import { slaTimerWorker } from './sla/sla-timer.worker';

/**
 * The desk's background work: the outbox relay (mail, knowledge articles, the analytics feed),
 * the SLA timer worker and the sweeper, unless `SUPPORT_BACKGROUND_TASKS=off`. The SLA queue
 * the request path writes to is closed last, after everything else stopped.
 */
export function supportBackgroundTasks(parts: SupportParts): BackgroundTask[] {
  const { config, runtime, models, services } = parts;
  const timersQueue: BackgroundTask = {
    name: 'sla-timers-queue',
    start: () => undefined,
    stop: () => services.timers.close(),
  };
  if (config.SUPPORT_BACKGROUND_TASKS === 'off') return [timersQueue];
  return [
    timersQueue,
    new OutboxRelay({
      name: 'support',
      sources: [mongoOutboxSource(models.inquiries)],
      dispatchers: [
        supportNotificationDispatcher({
          producer: createNotificationProducer(runtime.queues),
          contacts: services.clients.contacts,
          inquiries: models.inquiries,
          storefrontUrl: config.STOREFRONT_URL,
          logger: runtime.logger,
        }),
        knowledgePublisher(services.knowledge, runtime.logger),
        ...eventQueues([{ consumer: 'analytics' }], runtime.queues),
      ],
      logger: runtime.logger,
      intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
    }),
    slaTimerWorker({ connection: runtime.queues, sla: services.sla, logger: runtime.logger }),
    deskSweeper(parts),
  ];
}
