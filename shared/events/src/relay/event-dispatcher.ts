import type { JobsOptions } from 'bullmq';
import { createQueue, eventQueueName, type QueueConnection } from '@shop/jobs';
import type { EventDefinition } from '../define-event';
import { toEventJob, type DomainEvent, type EventJob } from '../domain-event';

/**
 * Hands relayed events to whoever consumes them. Delivery is at least once: a dispatch repeated
 * after a crash must be harmless, which queue job ids derived from event ids guarantee.
 */
export interface EventDispatcher {
  readonly name: string;
  /** Resolves once every event of the batch is durably handed over. */
  dispatch(events: readonly DomainEvent[]): Promise<void>;
  /** Releases connections; called when the relay stops. */
  close(): Promise<void>;
}

/** A consumer's queue and the events routed to it. */
export interface EventRoute {
  /** The consumer's name; its queue is `events.<consumer>`. */
  consumer: string;
  /** The events it wants. @defaultValue every event of the relay's sources */
  events?: readonly EventDefinition[];
  /**
   * Job options of this consumer's jobs, over the queue defaults: a consumer that calls an
   * outside party may want its own retries and retention. @defaultValue the queue defaults
   */
  jobOptions?: Omit<JobsOptions, 'jobId'>;
}

/**
 * Adds each routed event to the consumer's queue as one job whose id is the event id, in one
 * round trip per batch: BullMQ ignores a job id it already holds, so a batch dispatched again
 * after a crash adds nothing.
 */
export function eventQueueDispatcher(
  route: EventRoute,
  connection: QueueConnection,
): EventDispatcher {
  const queueName = eventQueueName(route.consumer);
  const queue = createQueue<EventJob>(queueName, connection);
  const wanted = route.events ? new Set(route.events.map((event) => event.type)) : null;
  return {
    name: queueName,
    async dispatch(events) {
      const routed = wanted ? events.filter((event) => wanted.has(event.type)) : events;
      if (!routed.length) return;
      await queue.addBulk(
        routed.map((event) => ({
          name: event.type,
          data: toEventJob(event),
          opts: { ...route.jobOptions, jobId: event.id },
        })),
      );
    },
    close: () => queue.close(),
  };
}

/** One queue dispatcher per route. */
export function eventQueues(
  routes: readonly EventRoute[],
  connection: QueueConnection,
): EventDispatcher[] {
  return routes.map((route) => eventQueueDispatcher(route, connection));
}
