import type { z } from 'zod';
import type { Queue } from 'bullmq';
import { createQueue, type QueueConnection } from './queue';
import {
  EMAIL_QUEUE,
  SMS_QUEUE,
  emailJobSchema,
  notificationJobId,
  smsJobSchema,
  type EmailJob,
  type SmsJob,
} from './notification-jobs';

/**
 * Templates whose jobs carry a one-time token in a link: such a job is removed from Redis as
 * soon as the mail is sent, and a failed one is kept only as long as its token is valid, so
 * tokens do not linger in Redis for the retention of ordinary jobs. Duplicates stay harmless:
 * the worker deduplicates on the event id, which it remembers for a week.
 */
const TOKEN_TEMPLATES = new Set<EmailJob['template']>(['verification', 'password-reset']);
const TOKEN_LIFETIME_SECONDS = 24 * 3_600;

/**
 * Adds notification jobs after validating them against the queue's zod payload, with a job id
 * derived from the event, so a producer retrying after a crash cannot send a message twice.
 */
export class NotificationProducer {
  constructor(
    readonly emailQueue: Queue<EmailJob>,
    readonly smsQueue: Queue<SmsJob>,
  ) {}

  /**
   * Queues one email; a second call for the same event is a no-op.
   * @throws ZodError when the payload does not match {@link emailJobSchema}.
   */
  async sendEmail(job: z.input<typeof emailJobSchema>): Promise<void> {
    const data = emailJobSchema.parse(job);
    await this.emailQueue.add(data.template, data, {
      jobId: notificationJobId('email', data.eventId),
      ...(TOKEN_TEMPLATES.has(data.template)
        ? { removeOnComplete: true, removeOnFail: { age: TOKEN_LIFETIME_SECONDS } }
        : {}),
    });
  }

  /**
   * Queues one text message; a second call for the same event is a no-op.
   * @throws ZodError when the payload does not match {@link smsJobSchema}.
   */
  async sendSms(job: z.input<typeof smsJobSchema>): Promise<void> {
    const data = smsJobSchema.parse(job);
    await this.smsQueue.add(data.template, data, { jobId: notificationJobId('sms', data.eventId) });
  }

  async close(): Promise<void> {
    await Promise.all([this.emailQueue.close(), this.smsQueue.close()]);
  }
}

/** A producer over the `email` and `sms` queues with the platform's job defaults. */
export function createNotificationProducer(connection: QueueConnection): NotificationProducer {
  return new NotificationProducer(
    createQueue<EmailJob>(EMAIL_QUEUE, connection),
    createQueue<SmsJob>(SMS_QUEUE, connection),
  );
}
