import type { DomainEvent } from '../domain-event';

/** Events read from an outbox, and how to remove them once they were handed over. */
export interface OutboxBatch {
  events: DomainEvent[];
  /** Removes these events from their outbox; called only after every one was dispatched. */
  ack(): Promise<void>;
}

/** Where a relay finds events waiting: documents in MongoDB, a hash in Redis. */
export interface OutboxSource {
  readonly name: string;
  /** Up to about `limit` pending events, oldest first where the store keeps an order. */
  fetch(limit: number): Promise<OutboxBatch>;
}
