import { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const productsConfigSchema = subgraphEnvSchema('products', 4002).and(
  z.object({
    /** Available units at or above which a product is IN_STOCK. */
    IN_STOCK_THRESHOLD: z.coerce.number().int().min(2).default(10),
  }),
);

export type ProductsConfig = z.infer<typeof productsConfigSchema>;

export function loadProductsConfig(env: NodeJS.ProcessEnv = process.env): ProductsConfig {
  return loadConfig(productsConfigSchema, env);
}
