import type { Redis } from '@shop/redis';
import type { OutboxEvent } from './outbox-event';
import type { OutboxSource, PendingEvent } from './outbox-relay';

interface SerializedEvent extends Omit<OutboxEvent, 'occurredAt'> {
  occurredAt: string;
}

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
  pushArgs(event: OutboxEvent): [field: string, value: string] {
    return [event.id, JSON.stringify(event)];
  }

  source(): OutboxSource {
    return {
      name: `redis:${this.key}`,
      fetch: async (limit) => {
        const [, entries] = await this.redis.hscan(this.key, '0', 'COUNT', limit);
        const pending: PendingEvent[] = [];
        for (let index = 0; index + 1 < entries.length; index += 2) {
          const id = entries[index] as string;
          const parsed = JSON.parse(entries[index + 1] as string) as SerializedEvent;
          pending.push({
            event: { ...parsed, occurredAt: new Date(parsed.occurredAt) },
            ack: async () => {
              await this.redis.hdel(this.key, id);
            },
          });
        }
        return pending;
      },
    };
  }
}
