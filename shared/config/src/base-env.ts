import { z } from 'zod';

/** Development-only secrets; production refuses to start with them. */
const DEVELOPMENT_SECRET = 'development-only-secret-change-me-0123456789abcdef';
const DEVELOPMENT_ACCESS_TOKEN_SECRET = 'development-only-access-token-secret-0123456789';
const DEVELOPMENT_INTERNAL_SECRET = 'development-only-internal-api-secret-0123456789';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Variables every process shares. Services extend this object with their own keys
 * (`z.object({ ...baseEnvSchema, PORT: … })`) and check secrets with {@link isDevelopmentSecret}.
 */
export const baseEnvSchema = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Address services bind to; loopback unless deployed behind a network boundary. */
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27017'),
  REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
  /** HMAC key that proves a request to a subgraph came from the gateway. */
  GATEWAY_SIGNING_SECRET: z.string().min(32).default(DEVELOPMENT_SECRET),
  /** HMAC key of service-to-service calls (internal APIs); the gateway does not have it. */
  INTERNAL_API_SECRET: z.string().min(32).default(DEVELOPMENT_INTERNAL_SECRET),
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
export const accessTokenSecretSchema = z.string().min(32).default(DEVELOPMENT_ACCESS_TOKEN_SECRET);

export type BaseEnv = z.infer<z.ZodObject<typeof baseEnvSchema>>;

/** Rejects development defaults for secrets when running in production. */
export function isDevelopmentSecret(value: string): boolean {
  return [
    DEVELOPMENT_SECRET,
    DEVELOPMENT_ACCESS_TOKEN_SECRET,
    DEVELOPMENT_INTERNAL_SECRET,
  ].includes(value);
}
