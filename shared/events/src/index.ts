export {
  eventJobSchema,
  fromEventJob,
  toEventJob,
  type DomainEvent,
  type EventJob,
} from './domain-event';
export { defineEvent, MalformedEventError, type EventDefinition } from './define-event';
export {
  withOutbox,
  mongoOutboxSource,
  WITHOUT_OUTBOX,
  type WithOutbox,
} from './outbox/mongo-outbox';
export { RedisOutbox } from './outbox/redis-outbox';
export type { OutboxBatch, OutboxSource } from './outbox/outbox-source';
export { OutboxRelay, type OutboxRelayOptions } from './relay/outbox-relay';
export {
  eventQueueDispatcher,
  eventQueues,
  type EventDispatcher,
  type EventRoute,
} from './relay/event-dispatcher';
export {
  AlreadyInProgressError,
  processOnce,
  type ProcessOnceOptions,
} from './consume/process-once';
export {
  eventProcessor,
  eventWorker,
  on,
  type EventHandler,
  type EventOutcome,
  type EventWorkerOptions,
} from './consume/event-worker';
