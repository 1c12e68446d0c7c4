import { z } from 'zod';
import { loadConfig, secretWithDevelopmentDefault, subgraphEnvSchema } from '@shop/config';
import { CRASH_POINTS } from './crash-points';
import { partnerWebhookEnv, webhookTargetsAllowedIn } from './partner-webhook/webhook-config';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The orders subgraph's own variables, on top of the shared subgraph environment. */
const ordersEnvSchema = z.object({
  /** How often the outbox relay looks for order events to deliver. */
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).default(200),
  /** Base URLs of the internal APIs checkout calls. */
  PRODUCTS_INTERNAL_URL: z.url().default('http://127.0.0.1:4002'),
  CART_INTERNAL_URL: z.url().default('http://127.0.0.1:4003'),
  USERS_INTERNAL_URL: z.url().default('http://127.0.0.1:4001'),
  /** The cart's rules, read from the same variables so one environment sets both. */
  CART_CURRENCY: z.string().length(3).default('KRW'),
  SHIPPING_FEE: z.coerce.number().int().min(0).default(3_000),
  FREE_SHIPPING_THRESHOLD: z.coerce.number().int().min(0).default(50_000),
  /** Seconds an order may stay unpaid; its stock is reserved for as long. */
  ORDER_PAYMENT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** How often unpaid orders past `payBy` that their delayed job missed are cancelled. */
  ORDER_TIMEOUT_SWEEP_INTERVAL_MS: positiveInt(5_000),
  /** The card PG (Toss-style); its secret key is the Basic auth user. */
  PG_BASE_URL: z.url().default('http://127.0.0.1:8027'),
  PG_SECRET_KEY: secretWithDevelopmentDefault('test_sk_development_only_pg_sandbox', 8),
  /** How long a confirm may take before the payment is left PENDING for the reconciler. */
  PG_TIMEOUT_MS: positiveInt(10_000),
  /** How often the recovery loop looks for interrupted payments and unfinished steps. */
  PAYMENT_RECOVERY_INTERVAL_MS: positiveInt(1_000),
  /** How long a payment may sit in one step before recovery takes it over (a crashed process). */
  PAYMENT_STALE_AFTER_MS: positiveInt(30_000),
  /** How long a request holds its idempotency key; a retry after that takes over. */
  IDEMPOTENCY_LEASE_MS: positiveInt(30_000),
  /** How long a concurrent duplicate waits for the first request before CONFLICT. */
  IDEMPOTENCY_WAIT_MS: positiveInt(15_000),
  /** Prefix of the coupon module's Redis keys (claim counters and claimed sets). */
  COUPON_KEY_PREFIX: z.string().min(1).default('coupon:'),
  /** How often coupon claim state in Redis is checked against MongoDB and repaired. */
  COUPON_RECONCILE_INTERVAL_MS: positiveInt(5_000),
  /** The carrier's webhook secret: `x-carrier-signature` is its HMAC of `timestamp.body`. */
  CARRIER_WEBHOOK_SECRET: secretWithDevelopmentDefault(
    'development-only-carrier-webhook-secret',
    16,
  ),
  /** Base of parcel tracking links, `<base>/tracking/<number>` (the carrier sandbox's page). */
  CARRIER_SANDBOX_URL: z.url().default('http://127.0.0.1:8028'),
  /** Where links in the buyer's mail point: `<STOREFRONT_URL>/orders/<id>/review`. */
  STOREFRONT_URL: z.url().default('http://localhost:3000'),
  /** Days after delivery the buyer is reminded to confirm the purchase (0: at the next pass). */
  PURCHASE_REMINDER_DAYS: z.coerce.number().min(0).max(60).default(7),
  /** How often delivered orders due a purchase-confirmation reminder are looked for. */
  PURCHASE_REMINDER_INTERVAL_MS: positiveInt(60_000),
  /** Turns the relay, recovery loop and timeouts off (one-off scripts, some tests). */
  ORDERS_BACKGROUND_TASKS: z.enum(['on', 'off']).default('on'),
  /**
   * Test hook of the crash harness: the saga stops for good at this step (logs
   * `crash point reached` and hangs) so a test can SIGKILL the process there. Tests only.
   */
  ORDERS_CRASH_AT: z.enum(CRASH_POINTS).optional(),
  ...partnerWebhookEnv,
});

export const ordersConfigSchema = subgraphEnvSchema('orders', 4004)
  .and(ordersEnvSchema)
  .refine((env) => !env.ORDERS_CRASH_AT || env.NODE_ENV === 'test', {
    path: ['ORDERS_CRASH_AT'],
    message: 'is a test hook, accepted only when NODE_ENV=test',
  })
  .refine(webhookTargetsAllowedIn, {
    path: ['WEBHOOK_ALLOW_PRIVATE_TARGETS'],
    message: 'may not be true in production',
  });

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

export function loadOrdersConfig(env: NodeJS.ProcessEnv = process.env): OrdersConfig {
  return loadConfig(ordersConfigSchema, env);
}
