export { newOutboxEvent, type OutboxEvent } from './outbox-event';
export { indexOutbox, outboxField, mongoOutboxSource, type WithOutbox } from './mongo-outbox';
export { RedisOutbox } from './redis-outbox';
export {
  OutboxRelay,
  type OutboxSource,
  type PendingEvent,
  type OutboxRelayOptions,
} from './outbox-relay';
export { processOnce, AlreadyInProgressError } from './process-once';
