import type { DevConfig } from './dev-config';

/**
 * The environment every service of the local run gets: the addresses of its neighbours (their
 * GraphQL endpoints for the gateway, their internal APIs for cart and orders) and
 * of the sandboxes (`PG_BASE_URL`, `PG_SECRET_KEY`, `CARRIER_SANDBOX_URL`,
 * `CARRIER_WEBHOOK_SECRET`, `DATA_PLATFORM_URL`, `DATA_PLATFORM_API_KEY` when set).
 */
export function serviceEnvironment(
  config: DevConfig,
  infrastructure: { mongoUri: string; redisUrl: string; sandboxEnv: Record<string, string> },
): NodeJS.ProcessEnv {
  const subgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;
  return {
    ...process.env,
    NODE_ENV: process.env['NODE_ENV'] ?? 'development',
    MONGODB_URI: infrastructure.mongoUri,
    REDIS_URL: infrastructure.redisUrl,
    GATEWAY_PORT: String(config.GATEWAY_PORT),
    USERS_PORT: String(config.USERS_PORT),
    PRODUCTS_PORT: String(config.PRODUCTS_PORT),
    CART_PORT: String(config.CART_PORT),
    ORDERS_PORT: String(config.ORDERS_PORT),
    SUPPORT_PORT: String(config.SUPPORT_PORT),
    USERS_URL: subgraphUrl(config.USERS_PORT),
    PRODUCTS_URL: subgraphUrl(config.PRODUCTS_PORT),
    CART_URL: subgraphUrl(config.CART_PORT),
    ORDERS_URL: subgraphUrl(config.ORDERS_PORT),
    SUPPORT_URL: subgraphUrl(config.SUPPORT_PORT),
    PRODUCTS_INTERNAL_URL: `http://127.0.0.1:${config.PRODUCTS_PORT}`,
    USERS_INTERNAL_URL: `http://127.0.0.1:${config.USERS_PORT}`,
    CART_INTERNAL_URL: `http://127.0.0.1:${config.CART_PORT}`,
    ORDERS_INTERNAL_URL: `http://127.0.0.1:${config.ORDERS_PORT}`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(config.MAIL_SINK_SMTP_PORT),
    TWILIO_API_BASE_URL: `http://127.0.0.1:${config.SMS_SINK_PORT}`,
    ...infrastructure.sandboxEnv,
  };
}
