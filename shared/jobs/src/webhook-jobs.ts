import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

/** Attempts of partner webhook deliveries (orders subgraph, `partner-webhook/`). */
export const WEBHOOK_QUEUE = QUEUE_NAMES.webhooks;

export const webhookJobSchema = z.object({
  deliveryId: z.string().regex(/^[0-9a-f]{24}$/i),
  /** Lets the worker check the subscription's concurrency slot before reading anything. */
  subscriptionId: z.string().regex(/^[0-9a-f]{24}$/i),
});
export type WebhookJob = z.infer<typeof webhookJobSchema>;

/**
 * One job per delivery and attempt number, so queueing the same attempt twice (a redelivered
 * event, the sweeper) adds one job.
 */
export function webhookAttemptJobId(deliveryId: string, attempt: number): string {
  return `webhook-${deliveryId}-${attempt}`;
}

/**
 * The Redis sorted set of a subscription's deliveries in flight (its concurrency slots), under
 * the queue prefix so each environment and test has its own.
 */
export function webhookSlotsKey(prefix: string, subscriptionId: string): string {
  return `${prefix}:webhooks:in-flight:${subscriptionId}`;
}
