export { createQueue, defaultJobOptions, type QueueConnection } from './queue';
export { QUEUE_NAMES, eventQueueName } from './queue-names';
export {
  EMAIL_QUEUE,
  SMS_QUEUE,
  LOCALES,
  E164_PATTERN,
  emailJobSchema,
  smsJobSchema,
  notificationJobId,
  type EmailJob,
  type EmailTemplate,
  type Locale,
  type SmsJob,
  type SmsTemplate,
} from './notification-jobs';
export { NotificationProducer, createNotificationProducer } from './notification-producer';
export { emailBase, notificationBase, smsBase } from './notifications/common';
export { DATA_PLATFORM_CONSUMER, dataPlatformJobOptions } from './data-platform-jobs';
export {
  ORDER_TIMEOUT_QUEUE,
  orderTimeoutJobId,
  orderTimeoutJobSchema,
  type OrderTimeoutJob,
} from './order-jobs';
export {
  SLA_STAGES,
  slaTimerJobId,
  slaTimerJobSchema,
  type SlaStage,
  type SlaTimerJob,
} from './support-sla-jobs';
export {
  WEBHOOK_QUEUE,
  webhookAttemptJobId,
  webhookJobSchema,
  webhookSlotsKey,
  type WebhookJob,
} from './webhook-jobs';
