/**
 * Every BullMQ queue of the system is named here, so producers and workers in different
 * processes cannot drift apart. Keys inside a queue are BullMQ's own, under `QUEUE_PREFIX`.
 */
export const QUEUE_NAMES = {
  /** Transactional mail, consumed by the email worker. */
  email: 'email',
  /** Text messages, consumed by the SMS worker. */
  sms: 'sms',
  /** One delayed job per unpaid order, due at its `payBy`; consumed by the orders subgraph. */
  orderTimeouts: 'order-timeouts',
  /** Delayed SLA timers of inquiries (reminder, breach), consumed by the support subgraph. */
  supportSla: 'support.sla',
  /** One job per attempt of a partner webhook delivery; consumed by the orders subgraph. */
  webhooks: 'webhooks',
} as const;

/**
 * Domain events relayed from outboxes travel in one queue per consuming purpose
 * (`events.analytics`, `events.catalog`…), so each consumer gets every event routed to it.
 */
export function eventQueueName(consumer: string): string {
  return `events.${consumer}`;
}
