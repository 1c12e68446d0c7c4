import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '@shop/logger';
import { AlreadyInProgressError, processOnce } from '@shop/events';
import type { Redis } from '@shop/redis';
import { PermanentDeliveryError } from './email/email.provider';

export interface NotificationProcessorOptions<TSchema extends z.ZodType<{ eventId: string }>> {
  /** Name of the consumer for deduplication, e.g. `shop:email`. */
  consumer: string;
  schema: TSchema;
  redis: Redis;
  logger: Logger;
  /** How long a claim on an event protects a delivery in progress; the worker's lock time. */
  leaseMs: number;
  deliver: (payload: z.infer<TSchema>) => Promise<void>;
}

/**
 * The processor both notification workers share: validates the payload (a bad one can never
 * succeed: UnrecoverableError), delivers at most once per event id (a duplicate job or a
 * retry after success sends nothing), turns permanent provider refusals into
 * UnrecoverableError and lets everything else be retried with backoff.
 */
export function notificationProcessor<TSchema extends z.ZodType<{ eventId: string }>>(
  options: NotificationProcessorOptions<TSchema>,
) {
  return async (job: Job<unknown>, token?: string): Promise<'sent' | 'duplicate'> => {
    const parsed = options.schema.safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`invalid payload: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    const payload = parsed.data;
    try {
      const sent = await processOnce(
        options.redis,
        options.consumer,
        payload.eventId,
        () => options.deliver(payload),
        { leaseMs: options.leaseMs },
      );
      options.logger.info(
        { jobId: job.id, eventId: payload.eventId, sent },
        'notification job done',
      );
      return sent ? 'sent' : 'duplicate';
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      if (error instanceof AlreadyInProgressError && token) {
        // Another worker holds the event: come back after its lease, without using an attempt.
        await job.moveToDelayed(Date.now() + options.leaseMs, token);
        throw new DelayedError();
      }
      throw error;
    }
  };
}
