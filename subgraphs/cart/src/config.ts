import { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const cartConfigSchema = subgraphEnvSchema('cart', 4003).and(
  z.object({
    /** Prefix of every Redis key the cart writes; tests give each file its own. */
    CART_KEY_PREFIX: z.string().default('cart:'),
    /** Days a cart lives after its last change. */
    CART_TTL_DAYS: z.coerce.number().int().min(1).default(30),
    /** Currency of cart totals and of the shipping fee. */
    CART_CURRENCY: z.string().length(3).default('KRW'),
    /** Shipping fee charged below {@link FREE_SHIPPING_THRESHOLD}, in minor units. */
    SHIPPING_FEE: z.coerce.number().int().min(0).default(3_000),
    /** Subtotal (minor units) at or above which shipping is free. */
    FREE_SHIPPING_THRESHOLD: z.coerce.number().int().min(0).default(50_000),
    /** Base URL of the products subgraph's internal API (price and availability lookups). */
    PRODUCTS_INTERNAL_URL: z.url().default('http://127.0.0.1:4002'),
    /** How often the outbox relay looks for cart events to deliver. */
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(200),
  }),
);

export type CartConfig = z.infer<typeof cartConfigSchema>;

export function loadCartConfig(env: NodeJS.ProcessEnv = process.env): CartConfig {
  return loadConfig(cartConfigSchema, env);
}
