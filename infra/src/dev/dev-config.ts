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
  DATA_DIR: z.string().default(resolve(ROOT_DIR, '.data')),
});

export type DevConfig = z.infer<typeof devConfigSchema>;

export function loadDevConfig(): DevConfig {
  return loadConfig(devConfigSchema);
}
