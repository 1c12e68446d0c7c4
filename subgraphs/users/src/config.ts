import { z } from 'zod';
import { accessTokenSecretSchema, loadConfig, subgraphEnvSchema } from '@shop/config';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The users subgraph's own variables, on top of the shared subgraph environment. */
const usersEnvSchema = z.object({
  /** Signs access tokens; the gateway verifies them with the same secret. */
  ACCESS_TOKEN_SECRET: accessTokenSecretSchema,
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt(30),
  /** Where links in mails point: `<STOREFRONT_URL>/verify-email?token=…`. */
  STOREFRONT_URL: z.url().default('http://localhost:3000'),
  /** Prefix of the throttling keys in Redis (sessions keep the gateway's `session:` keys). */
  AUTH_KEY_PREFIX: z.string().default('auth:'),
  /** Consecutive failed logins that lock an account. */
  LOGIN_MAX_FAILURES: positiveInt(5),
  /** First lock; each further failure doubles it, up to a day. */
  LOGIN_LOCK_BASE_SECONDS: positiveInt(60),
  /** Login attempts one address may make per window before RATE_LIMITED. */
  LOGIN_IP_LIMIT: positiveInt(30),
  LOGIN_IP_WINDOW_SECONDS: positiveInt(300),
  /** Minimum time between two verification mails to one user. */
  VERIFICATION_RESEND_SECONDS: positiveInt(60),
  OUTBOX_RELAY_INTERVAL_MS: positiveInt(200),
});

export const usersConfigSchema = subgraphEnvSchema('users', 4001).and(usersEnvSchema);

export type UsersConfig = z.infer<typeof usersConfigSchema>;

export function loadUsersConfig(env: NodeJS.ProcessEnv = process.env): UsersConfig {
  return loadConfig(usersConfigSchema, env);
}
