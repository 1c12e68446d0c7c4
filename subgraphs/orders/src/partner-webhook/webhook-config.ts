import { z } from 'zod';
import { secretWithDevelopmentDefault } from '@shop/config';
import { STANDARD_RETRY_SCHEDULE_MS, parseSchedule } from './webhook-retry-policy';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** `true`/`false`, or unset: then on everywhere but production (a development default). */
const devDefaultFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true'));

/** The partner webhooks' variables, part of the orders subgraph's configuration. */
export const partnerWebhookEnv = {
  /** Key that seals signing secrets at rest (AES-256-GCM); changing it orphans every secret. */
  WEBHOOK_SECRET_KEY: secretWithDevelopmentDefault(
    'development-only-webhook-secret-key-0123456789',
  ),
  /** Plain http targets; unset: allowed outside production. */
  WEBHOOK_ALLOW_INSECURE: devDefaultFlag,
  /** Loopback/private/link-local targets; unset: allowed outside production; never in production. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: devDefaultFlag,
  /** How long one attempt may take, connection to last byte. */
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
  /** Delay before each attempt, the first included (Standard Webhooks' schedule by default). */
  WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .default(STANDARD_RETRY_SCHEDULE_MS.join(','))
    .transform((text, ctx) => {
      try {
        return parseSchedule(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** A subscription failing without a single success for this long is disabled. */
  WEBHOOK_DISABLE_AFTER_MS: positiveInt(5 * 24 * 3_600_000),
  /** How long a rotated-out secret keeps signing next to the new one. */
  WEBHOOK_SECRET_OVERLAP_MS: positiveInt(24 * 3_600_000),
  /** Deliveries in flight in this process, over all subscriptions. */
  WEBHOOK_WORKER_CONCURRENCY: positiveInt(32),
  /** Deliveries in flight to one subscription: a hanging partner holds at most this many slots. */
  WEBHOOK_PER_SUBSCRIPTION_CONCURRENCY: positiveInt(2),
  /** How often pending deliveries whose job was lost (a crash) are queued again. */
  WEBHOOK_SWEEP_INTERVAL_MS: positiveInt(10_000),
};

/** Private targets are a development convenience that production refuses. */
export function webhookTargetsAllowedIn(env: {
  NODE_ENV: string;
  WEBHOOK_ALLOW_PRIVATE_TARGETS?: boolean | undefined;
}): boolean {
  return !(env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_PRIVATE_TARGETS === true);
}

/** The target policy the configuration gives (unset flags: on except in production). */
export function webhookPolicy(env: {
  NODE_ENV: string;
  WEBHOOK_ALLOW_INSECURE?: boolean | undefined;
  WEBHOOK_ALLOW_PRIVATE_TARGETS?: boolean | undefined;
}) {
  const development = env.NODE_ENV !== 'production';
  return {
    allowInsecure: env.WEBHOOK_ALLOW_INSECURE ?? development,
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? development,
  };
}
