import { z } from 'zod';

const developmentSecrets = new Set<string>();

/**
 * A secret with a default that only development and tests may use: `loadConfig` refuses to
 * start a production process while any variable still holds one of these defaults.
 */
export function secretWithDevelopmentDefault(developmentValue: string, minLength = 32) {
  developmentSecrets.add(developmentValue);
  return z.string().min(minLength).default(developmentValue);
}

/** True for every development default declared with {@link secretWithDevelopmentDefault}. */
export function isDevelopmentSecret(value: unknown): boolean {
  return typeof value === 'string' && developmentSecrets.has(value);
}

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Variables every process shares. Services extend this object with their own keys
 * (`z.object({ ...baseEnvSchema, PORT: … })`).
 */
export const baseEnvSchema = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Address services bind to; loopback unless deployed behind a network boundary. */
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27017'),
  REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix of every queue; one value for the whole system, or events go astray. */
  QUEUE_PREFIX: z.string().min(1).default('shop'),
  /** HMAC key that proves a request to a subgraph came from the gateway. */
  GATEWAY_SIGNING_SECRET: secretWithDevelopmentDefault(
    'development-only-secret-change-me-0123456789abcdef',
  ),
  /** HMAC key of service-to-service calls (internal APIs); the gateway does not have it. */
  INTERNAL_API_SECRET: secretWithDevelopmentDefault(
    'development-only-internal-api-secret-0123456789',
  ),
  // Query limits, the same on the gateway and every subgraph (docs/gateway.md).
  MAX_QUERY_DEPTH: positiveInt(10),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(15),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  MAX_QUERY_TOKENS: positiveInt(2_000),
  MAX_QUERY_COST: positiveInt(5_000),
  /** Size assumed for a list of objects without `first`/`last`/`limit`. */
  QUERY_COST_DEFAULT_LIST_SIZE: positiveInt(10),
  /** Cost of each resolution of a field that takes `first`/`last`/`limit` (a query of its own). */
  QUERY_COST_LIST_FETCH: z.coerce.number().int().min(0).default(200),
};

/** Signs access tokens (users subgraph) and verifies them (gateway); no other process has it. */
export const accessTokenSecretSchema = secretWithDevelopmentDefault(
  'development-only-access-token-secret-0123456789',
);

export type BaseEnv = z.infer<z.ZodObject<typeof baseEnvSchema>>;
