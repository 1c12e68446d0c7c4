import { z } from 'zod';
import { accessTokenSecretSchema, baseEnvSchema, loadConfig } from '@shop/config';
import { SUBGRAPHS } from './subgraphs';

// The gateway never calls internal APIs, so it holds no internal secret.
const { INTERNAL_API_SECRET: _notForTheGateway, ...sharedEnvSchema } = baseEnvSchema;

export const gatewayConfigSchema = z
  .object({
    ...sharedEnvSchema,
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    /** Verifies access tokens; the users subgraph signs with the same secret. */
    ACCESS_TOKEN_SECRET: accessTokenSecretSchema,
    MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(12),
    MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(30),
    /**
     * Take the client address from the first `X-Forwarded-For` entry; only behind a proxy that
     * sets it, otherwise clients could choose their own address.
     */
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    ...Object.fromEntries(
      SUBGRAPHS.map(({ name, defaultUrl }) => [
        `${name.toUpperCase()}_URL`,
        z.url().default(defaultUrl),
      ]),
    ),
  })
  .transform((env) => {
    const urls = env as Record<string, unknown>;
    return {
      ...env,
      subgraphUrls: Object.fromEntries(
        SUBGRAPHS.map(({ name }) => [name, urls[`${name.toUpperCase()}_URL`] as string]),
      ),
    };
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}
