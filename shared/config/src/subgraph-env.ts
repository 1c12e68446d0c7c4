import { z } from 'zod';
import { baseEnvSchema } from './base-env';

/**
 * The environment of one subgraph: the shared variables plus its own port (`USERS_PORT`…) and
 * database name (`USERS_DB`…), so one environment can describe the whole system.
 */
export function subgraphEnvSchema(name: string, defaultPort: number) {
  const prefix = name.toUpperCase();
  return z
    .object({
      ...baseEnvSchema,
      [`${prefix}_PORT`]: z.coerce.number().int().min(0).max(65_535).default(defaultPort),
      [`${prefix}_DB`]: z.string().min(1).default(`shop_${name}`),
    })
    .transform((env) => {
      const own = env as Record<string, unknown>;
      return {
        ...env,
        port: own[`${prefix}_PORT`] as number,
        dbName: own[`${prefix}_DB`] as string,
      };
    });
}
