import { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';
import { INQUIRY_PRIORITIES, type InquiryPriority } from './inquiry/inquiry-vocabulary';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Minutes per priority, written `URGENT=60,HIGH=240,NORMAL=1440,LOW=4320`; every priority must
 * be named once.
 */
const minutesPerPriority = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const entries = value.split(',').map((entry) => entry.trim().split('='));
      const minutes = Object.fromEntries(
        entries.map(([priority, amount]) => [priority?.trim(), Number(amount)]),
      );
      const complete =
        entries.length === INQUIRY_PRIORITIES.length &&
        INQUIRY_PRIORITIES.every((priority) => Number(minutes[priority]) > 0);
      if (!complete) {
        context.addIssue({
          code: 'custom',
          message: 'must name each of URGENT, HIGH, NORMAL and LOW once with minutes above 0',
        });
        return z.NEVER;
      }
      return minutes as Record<InquiryPriority, number>;
    });

/** The support subgraph's own variables, on top of the shared subgraph environment. */
const supportEnvSchema = z.object({
  /** Where the internal APIs of the owners are: contacts, order summaries, product lookups. */
  USERS_INTERNAL_URL: z.url().default('http://127.0.0.1:4001'),
  ORDERS_INTERNAL_URL: z.url().default('http://127.0.0.1:4004'),
  PRODUCTS_INTERNAL_URL: z.url().default('http://127.0.0.1:4002'),
  /** Base of the links in customer mail: `<STOREFRONT_URL>/support/inquiries/<id>`. */
  STOREFRONT_URL: z.url().default('http://localhost:3000'),
  /** First-response window per priority (API.md defaults: 1 h, 4 h, 24 h, 72 h). */
  SLA_FIRST_RESPONSE_MINUTES: minutesPerPriority('URGENT=60,HIGH=240,NORMAL=1440,LOW=4320'),
  /** Resolution window per priority (8 h, 24 h, 72 h, 7 d). */
  SLA_RESOLUTION_MINUTES: minutesPerPriority('URGENT=480,HIGH=1440,NORMAL=4320,LOW=10080'),
  /** Share of the first-response window, in percent, at which the assignee is reminded. */
  SLA_REMINDER_PERCENT: z.coerce.number().int().min(1).max(99).default(75),
  /**
   * Divides every SLA window: 3600 makes an hour pass in a second, for tests and demos. Due
   * times, timers and the sweeper all follow it, so nothing else changes.
   */
  SLA_TIME_SCALE: z.coerce.number().min(1).default(1),
  /** A RESOLVED inquiry closes on its own this long after resolution (7 days). */
  INQUIRY_AUTO_CLOSE_SECONDS: positiveInt(7 * 24 * 3_600),
  /** How often the sweepers run: missed SLA timers, auto-close, waiting assignments. */
  SUPPORT_SWEEP_INTERVAL_MS: positiveInt(30_000),
  OUTBOX_RELAY_INTERVAL_MS: positiveInt(200),
  /** `off` runs no relay, timer worker or sweeper (scripts, some tests). */
  SUPPORT_BACKGROUND_TASKS: z.enum(['on', 'off']).default('on'),
});

export const supportConfigSchema = subgraphEnvSchema('support', 4005).and(supportEnvSchema);

export type SupportConfig = z.infer<typeof supportConfigSchema>;

export function loadSupportConfig(env: NodeJS.ProcessEnv = process.env): SupportConfig {
  return loadConfig(supportConfigSchema, env);
}
