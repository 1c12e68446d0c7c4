import { resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '@shop/config';

export const ROOT_DIR = resolve(__dirname, '../../..');

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

/** Addresses of the local run; every one can be changed through the environment. */
export const devConfigSchema = z.object({
  MONGODB_URI: z.string().startsWith('mongodb').optional(),
  REDIS_URL: z.string().startsWith('redis').optional(),
  MONGO_PORT: port(27017),
  REDIS_PORT: port(6379),
  GATEWAY_PORT: port(4000),
  USERS_PORT: port(4001),
  PRODUCTS_PORT: port(4002),
  CART_PORT: port(4003),
  ORDERS_PORT: port(4004),
  SUPPORT_PORT: port(4005),
  MAIL_SINK_SMTP_PORT: port(1025),
  MAIL_SINK_HTTP_PORT: port(8025),
  SMS_SINK_PORT: port(8026),
  PG_SANDBOX_PORT: port(8027),
  CARRIER_SANDBOX_PORT: port(8028),
  DATA_PLATFORM_PORT: port(8029),
  /** Fixed in development so a developer can call the PG sandbox by hand. */
  PG_SECRET_KEY: z.string().min(1).default('test_sk_development_only_pg_sandbox'),
  CARRIER_WEBHOOK_SECRET: z.string().min(1).default('development-only-carrier-webhook-secret'),
  /** Where the carrier sandbox posts; the orders service's webhook route when absent. */
  CARRIER_WEBHOOK_URL: z.url().optional(),
  DATA_PLATFORM_API_KEY: z.string().min(1).optional(),
  DATA_DIR: z.string().default(resolve(ROOT_DIR, '.data')),
});

export type DevConfig = z.infer<typeof devConfigSchema>;

export function loadDevConfig(): DevConfig {
  return loadConfig(devConfigSchema);
}
