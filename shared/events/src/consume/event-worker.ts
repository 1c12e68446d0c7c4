import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { z } from 'zod';
import { eventQueueName, type QueueConnection } from '@shop/jobs';
import type { BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import { createRedis, type Redis } from '@shop/redis';
import { MalformedEventError, type EventDefinition } from '../define-event';
import { eventJobSchema, fromEventJob, type DomainEvent } from '../domain-event';
import { AlreadyInProgressError, processOnce } from './process-once';

/** What a consumer does with one kind of event. */
export interface EventHandler {
  readonly event: EventDefinition;
  handle(payload: Record<string, unknown>, event: DomainEvent): Promise<void>;
}

/** Pairs an event definition with its typed handler. */
export function on<TSchema extends z.ZodType<Record<string, unknown>>>(
  event: EventDefinition<TSchema>,
  handle: (payload: z.output<TSchema>, event: DomainEvent<z.output<TSchema>>) => Promise<void>,
): EventHandler {
  return {
    event,
    handle: (payload, envelope) =>
      handle(payload as z.output<TSchema>, envelope as DomainEvent<z.output<TSchema>>),
  };
}

export interface EventWorkerOptions {
  /** The consumer's name: its queue is `events.<consumer>`, and it deduplicates under it. */
  consumer: string;
  handlers: readonly EventHandler[];
  connection: QueueConnection;
  /** Where processed event ids are remembered. */
  redis: Redis;
  logger: Logger;
  /** Jobs processed at once. @defaultValue 4 */
  concurrency?: number;
  /** How long a claim protects a handler that may still be running. @defaultValue 60_000 */
  leaseMs?: number;
  /**
   * Told of every failed attempt; `final` when the job used its last attempt (or can never
   * succeed) and stays failed: the consumer's dead letter, to count and alert on.
   */
  onFailed?: (job: Job<unknown>, error: Error, final: boolean) => void;
}

export type EventOutcome = 'handled' | 'duplicate' | 'ignored';

/**
 * Handles one job of a consumer's queue: an envelope or payload that does not match its
 * definition can never succeed and fails as unrecoverable; an event nobody here handles is
 * ignored; every other event runs its handler at most once per event id, however often it is
 * delivered; a failure is retried with the queue's backoff.
 */
export function eventProcessor(options: Omit<EventWorkerOptions, 'connection' | 'concurrency'>) {
  const handlers = new Map(options.handlers.map((handler) => [handler.event.type, handler]));
  const leaseMs = options.leaseMs ?? 60_000;
  return async (job: Job<unknown>, token?: string): Promise<EventOutcome> => {
    const envelope = eventJobSchema.safeParse(job.data);
    if (!envelope.success) throw new UnrecoverableError(`malformed event job ${job.id}`);
    const event = fromEventJob(envelope.data);
    const handler = handlers.get(event.type);
    if (!handler) return 'ignored';
    let payload: Record<string, unknown>;
    try {
      payload = handler.event.parse(event);
    } catch (error) {
      if (error instanceof MalformedEventError) throw new UnrecoverableError(error.message);
      throw error;
    }
    try {
      const ran = await processOnce(
        options.redis,
        options.consumer,
        event.id,
        () => handler.handle(payload, { ...event, payload }),
        { leaseMs },
      );
      return ran ? 'handled' : 'duplicate';
    } catch (error) {
      if (error instanceof AlreadyInProgressError && token) {
        // Another worker holds the event: come back after its lease, without using an attempt.
        await job.moveToDelayed(Date.now() + leaseMs, token);
        throw new DelayedError();
      }
      throw error;
    }
  };
}

/** True when a failed job will not be tried again: attempts used up, or unrecoverable. */
function isFinalFailure(job: Job<unknown>, error: Error): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** The BullMQ worker of a consumer's event queue, as a background task of its process. */
export function eventWorker(options: EventWorkerOptions): BackgroundTask {
  const name = `event-worker:${options.consumer}`;
  let worker: Worker | undefined;
  let connection: Redis | undefined;
  return {
    name,
    start() {
      connection = createRedis(options.connection.redisUrl, { forQueues: true });
      worker = new Worker(eventQueueName(options.consumer), eventProcessor(options), {
        connection,
        prefix: options.connection.prefix ?? 'shop',
        concurrency: options.concurrency ?? 4,
      });
      worker.on('failed', (job, err) => {
        options.logger.warn({ err: err.message, jobId: job?.id, task: name }, 'event failed');
        if (job && options.onFailed) options.onFailed(job, err, isFinalFailure(job, err));
      });
      worker.on('error', (err) =>
        options.logger.error({ err: err.message, task: name }, 'worker error'),
      );
    },
    async stop() {
      await worker?.close();
      await connection?.quit().catch(() => undefined);
    },
  };
}
