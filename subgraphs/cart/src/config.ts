import { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const cartConfigSchema = subgraphEnvSchema('cart', 4003).and(
  z.object({
    /** Prefix of every Redis key the cart writes; tests give each file its own. */
    CART_KEY_PREFIX: z.string().default('cart:'),
    /** Days a cart lives after its last change. */
    CART_TTL_DAYS: z.coerce.number().int().min(1).default(30),
  }),
);

export type CartConfig = z.infer<typeof cartConfigSchema>;

export function loadCartConfig(env: NodeJS.ProcessEnv = process.env): CartConfig {
  return loadConfig(cartConfigSchema, env);
}
