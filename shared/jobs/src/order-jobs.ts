import { z } from 'zod';
import { QUEUE_NAMES } from './queue-names';

/** Delayed jobs that cancel unpaid orders at their `payBy`, consumed by the orders subgraph. */
export const ORDER_TIMEOUT_QUEUE = QUEUE_NAMES.orderTimeouts;

export const orderTimeoutJobSchema = z.object({
  orderId: z.string().regex(/^[0-9a-f]{24}$/i),
});
export type OrderTimeoutJob = z.infer<typeof orderTimeoutJobSchema>;

/** One job per order, so scheduling it again (a retried createOrder) adds nothing. */
export function orderTimeoutJobId(orderId: string): string {
  return `payment-timeout-${orderId}`;
}
