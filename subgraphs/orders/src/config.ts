import type { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const ordersConfigSchema = subgraphEnvSchema('orders', 4004);

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

export function loadOrdersConfig(env: NodeJS.ProcessEnv = process.env): OrdersConfig {
  return loadConfig(ordersConfigSchema, env);
}
