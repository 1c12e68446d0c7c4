import { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const ordersConfigSchema = subgraphEnvSchema('orders', 4004).and(
  z.object({
    /** How often the outbox relay looks for order events to deliver. */
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(200),
  }),
);

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

export function loadOrdersConfig(env: NodeJS.ProcessEnv = process.env): OrdersConfig {
  return loadConfig(ordersConfigSchema, env);
}
