import type { Queue } from 'bullmq';

/**
 * Domain events relayed from outboxes travel in queues named after their consumer
 * (`events.analytics`, `events.catalog`…), one queue per consuming purpose, so each consumer
 * gets every event it subscribes to. The job id is the event id: BullMQ ignores a second add
 * of the same id, and consumers deduplicate with `processOnce` beyond the retention window.
 */
export function eventQueueName(consumer: string): string {
  return `events.${consumer}`;
}

/** The payload of an event job: the outbox event as written by its producer. */
export interface EventJob<TPayload = Record<string, unknown>> {
  id: string;
  type: string;
  payload: TPayload;
  occurredAt: string;
}

/**
 * Adds an outbox event to consumer queues with the event id as job id, so a delivery the relay
 * repeats after a crash is dropped by BullMQ while the first job is retained.
 */
export async function publishEvent(
  queues: ReadonlyArray<Queue<EventJob>>,
  event: Omit<EventJob, 'occurredAt'> & { occurredAt: Date | string },
): Promise<void> {
  const job: EventJob = { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
  await Promise.all(queues.map((queue) => queue.add(event.type, job, { jobId: event.id })));
}
