import { z } from 'zod';
import { baseEnvSchema, loadConfig, secretWithDevelopmentDefault } from '@shop/config';

const DEVELOPMENT_TWILIO_SID = 'AC00000000000000000000000000000000';
const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true');

export const workersConfigSchema = z
  .object({
    ...baseEnvSchema,
    SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(1025),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    SMTP_SECURE: flag('false'),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().min(3).default('Shop <no-reply@shop.local>'),
    TWILIO_ACCOUNT_SID: z.string().startsWith('AC').default(DEVELOPMENT_TWILIO_SID),
    TWILIO_AUTH_TOKEN: secretWithDevelopmentDefault('development-only-twilio-token', 1),
    /** Sender number (E.164) or Messaging Service SID (`MG…`). */
    TWILIO_FROM: z.string().min(1).default('+15005550006'),
    /** Where the Twilio client sends requests; the SMS sink in development and tests. */
    TWILIO_API_BASE_URL: z.url().optional(),
    /** Per-provider rate limits: jobs per second across all workers of a queue. */
    EMAIL_RATE_PER_SECOND: positiveInt(20),
    SMS_RATE_PER_SECOND: positiveInt(5),
    EMAIL_CONCURRENCY: positiveInt(5),
    SMS_CONCURRENCY: positiveInt(2),
    /** How long a job is held before another worker may take it over (a crashed worker). */
    WORKER_LOCK_MS: positiveInt(30_000),
    /** The outside data platform: every event routed to `events.data-platform` is posted there. */
    DATA_PLATFORM_URL: z.url().default('http://127.0.0.1:8029'),
    /** Sent as a bearer token when set. */
    DATA_PLATFORM_API_KEY: z.string().min(1).optional(),
    DATA_PLATFORM_TIMEOUT_MS: positiveInt(5_000),
    DATA_PLATFORM_CONCURRENCY: positiveInt(4),
    /** How often dead-lettered events are probed and, once the platform answers, sent again. */
    DATA_PLATFORM_REDRIVE_INTERVAL_MS: positiveInt(60_000),
    /** Serves `GET /metrics` (Prometheus) on this port when set. */
    WORKERS_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  })
  .refine(
    (env) =>
      env.NODE_ENV !== 'production' ||
      (env.TWILIO_ACCOUNT_SID !== DEVELOPMENT_TWILIO_SID && !env.TWILIO_API_BASE_URL),
    {
      path: ['TWILIO_ACCOUNT_SID'],
      message: 'production needs a real Twilio account and no TWILIO_API_BASE_URL override',
    },
  );

export type WorkersConfig = z.infer<typeof workersConfigSchema>;

export function loadWorkersConfig(env: NodeJS.ProcessEnv = process.env): WorkersConfig {
  return loadConfig(workersConfigSchema, env);
}
