import { randomUUID } from 'node:crypto';

/**
 * A domain event waiting in an outbox. `type` is `<subgraph>.<entity>.<what happened>`, e.g.
 * `users.user.registered`; `id` is what every consumer deduplicates on.
 */
export interface OutboxEvent<TPayload = Record<string, unknown>> {
  id: string;
  type: string;
  payload: TPayload;
  occurredAt: Date;
}

export function newOutboxEvent<TPayload extends Record<string, unknown>>(
  type: string,
  payload: TPayload,
): OutboxEvent<TPayload> {
  return { id: randomUUID(), type, payload, occurredAt: new Date() };
}
