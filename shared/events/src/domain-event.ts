import { z } from 'zod';

/**
 * A fact one part of the system tells the others. `type` is `<area>.<entity>.<what happened>`
 * (`orders.order.paid`); `id` is what every consumer deduplicates on; `version` is the payload
 * schema's version, raised when a change would break consumers.
 */
export interface DomainEvent<TPayload = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  payload: TPayload;
  occurredAt: Date;
}

/** A domain event as it travels in a queue job: JSON, with the time as an ISO string. */
export interface EventJob<TPayload = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  payload: TPayload;
  occurredAt: string;
}

/** The envelope a consumer checks before it looks at the payload. */
export const eventJobSchema = z.object({
  id: z.string().min(1).max(128),
  type: z.string().min(1).max(200),
  // Events written before versions existed are version 1.
  version: z.number().int().min(1).default(1),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string().min(1),
});

export function toEventJob(event: DomainEvent): EventJob {
  return { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
}

export function fromEventJob(job: EventJob): DomainEvent {
  return { ...job, occurredAt: new Date(job.occurredAt) };
}
