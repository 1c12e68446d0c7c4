import type { Redis } from '@shop/redis';
import { fromEventJob, toEventJob, type DomainEvent, type EventJob } from '../domain-event';
import type { OutboxSource } from './outbox-source';

/**
 * An outbox for state kept in Redis: a hash of pending events keyed by id. Callers push an
 * event in the same Lua script or MULTI as their change (see {@link RedisOutbox.pushArgs}),
 * which makes the change and the event one atomic step.
 */
export class RedisOutbox {
  constructor(
    private readonly redis: Redis,
    readonly key: string,
  ) {}

  /** The field and value to HSET into {@link key} inside the caller's atomic script. */
  pushArgs(event: DomainEvent): [field: string, value: string] {
    return [event.id, JSON.stringify(toEventJob(event))];
  }

  source(): OutboxSource {
    return {
      name: `redis:${this.key}`,
      fetch: async (limit) => {
        const [, entries] = await this.redis.hscan(this.key, '0', 'COUNT', limit);
        const events: DomainEvent[] = [];
        for (let index = 0; index + 1 < entries.length; index += 2) {
          const job = JSON.parse(entries[index + 1] as string) as EventJob;
          events.push(fromEventJob({ ...job, version: job.version ?? 1 }));
        }
        return {
          events,
          ack: async () => {
            if (events.length) await this.redis.hdel(this.key, ...events.map((event) => event.id));
          },
        };
      },
    };
  }
}
