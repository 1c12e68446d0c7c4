import { join } from 'node:path';
import { z } from 'zod';
import { accessTokenSecretSchema, baseEnvSchema, loadConfig } from '@shop/config';
import { SERVER_KEEP_ALIVE_TIMEOUT_MS } from '@shop/service';
import { SUBGRAPHS } from './subgraphs';

// The gateway never calls internal APIs, so it holds no internal secret.
const { INTERNAL_API_SECRET: _notForTheGateway, ...sharedEnvSchema } = baseEnvSchema;
const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const onOff = (fallback: 'on' | 'off') =>
  z
    .enum(['on', 'off'])
    .default(fallback)
    .transform((value) => value === 'on');
const DEFAULT_PERSISTED_OPERATIONS = join(__dirname, '../persisted-operations.json');

export const gatewayConfigSchema = z
  .object({
    ...sharedEnvSchema,
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    /** Verifies access tokens; the users subgraph signs with the same secret. */
    ACCESS_TOKEN_SECRET: accessTokenSecretSchema,
    /** Longest wait for one subgraph call before its fields answer SERVICE_UNAVAILABLE. */
    SUBGRAPH_TIMEOUT_MS: positiveInt(5_000),
    /** Overall deadline of a request: no subgraph call starts or runs past it. */
    REQUEST_TIMEOUT_MS: positiveInt(10_000),
    /** Consecutive failed calls that open a subgraph's circuit. */
    CIRCUIT_FAILURE_THRESHOLD: positiveInt(5),
    /** How long an open circuit refuses calls before one trial call. */
    CIRCUIT_RESET_MS: positiveInt(5_000),
    /** `register` mutations one client address may send per window (`RATE_LIMITED`). */
    REGISTER_IP_LIMIT: positiveInt(10),
    REGISTER_IP_WINDOW_SECONDS: positiveInt(3_600),
    /** `requestPasswordReset` mutations one client address may send per window. */
    PASSWORD_RESET_IP_LIMIT: positiveInt(10),
    PASSWORD_RESET_IP_WINDOW_SECONDS: positiveInt(900),
    /**
     * Idle time after which the gateway closes a kept-alive connection to a subgraph; below the
     * subgraphs' own keep-alive timeout, so a socket is never reused while the subgraph closes it.
     */
    SUBGRAPH_KEEP_ALIVE_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(SERVER_KEEP_ALIVE_TIMEOUT_MS - 1_000)
      .default(10_000),
    /**
     * Identical queries in flight at once are sent to a subgraph once per signed identity, and
     * identical anonymous operations run once (docs/performance.md).
     */
    GATEWAY_DEDUP: onOff('on'),
    /** The persisted-operation manifest clients may name documents from by hash. */
    PERSISTED_OPERATIONS_PATH: z.string().default(DEFAULT_PERSISTED_OPERATIONS),
    /** Refuse every document that is not in the manifest (TRUSTED_DOCUMENT_REQUIRED). */
    TRUSTED_DOCUMENTS_ONLY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** Redis prefix of the gateway's rate-limit counters. */
    GATEWAY_KEY_PREFIX: z.string().default('gateway:'),
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
