import { ConfigError } from '@shop/config';
import { loadOrdersConfig } from './config';
import { webhookPolicy } from './partner-webhook/webhook-config';

describe('orders configuration', () => {
  it('takes the crash hook only in tests', () => {
    expect(
      loadOrdersConfig({ NODE_ENV: 'test', ORDERS_CRASH_AT: 'after-debit' }).ORDERS_CRASH_AT,
    ).toBe('after-debit');
    expect(() =>
      loadOrdersConfig({ NODE_ENV: 'development', ORDERS_CRASH_AT: 'after-debit' }),
    ).toThrow(/ORDERS_CRASH_AT: is a test hook/);
    expect(() => loadOrdersConfig({ NODE_ENV: 'test', ORDERS_CRASH_AT: 'nowhere' })).toThrow(
      ConfigError,
    );
  });

  it('refuses the development PG key in production and defaults the payment window to 15 minutes', () => {
    expect(loadOrdersConfig({}).ORDER_PAYMENT_WINDOW_SECONDS).toBe(900);
    expect(loadOrdersConfig({}).PG_TIMEOUT_MS).toBe(10_000);
    const secrets = {
      NODE_ENV: 'production',
      GATEWAY_SIGNING_SECRET: 'a-production-secret-of-our-own-0123456789',
      INTERNAL_API_SECRET: 'another-production-secret-of-our-own-0123',
      WEBHOOK_SECRET_KEY: 'a-production-webhook-sealing-key-0123456789',
    };
    expect(() => loadOrdersConfig(secrets)).toThrow(
      /PG_SECRET_KEY: must be set to a secret of your own/,
    );
    expect(() => loadOrdersConfig(secrets)).toThrow(
      /CARRIER_WEBHOOK_SECRET: must be set to a secret of your own/,
    );
    const own = {
      ...secrets,
      PG_SECRET_KEY: 'live_sk_0123456789',
      CARRIER_WEBHOOK_SECRET: 'carrier-secret-of-our-own-0123456789',
    };
    expect(loadOrdersConfig(own).PG_SECRET_KEY).toBe('live_sk_0123456789');
  });

  it('seals webhook secrets with a key of our own in production, where only public https targets are allowed', () => {
    const production = {
      NODE_ENV: 'production',
      GATEWAY_SIGNING_SECRET: 'a-production-secret-of-our-own-0123456789',
      INTERNAL_API_SECRET: 'another-production-secret-of-our-own-0123',
      PG_SECRET_KEY: 'live_sk_0123456789',
      CARRIER_WEBHOOK_SECRET: 'carrier-secret-of-our-own-0123456789',
    };
    expect(() => loadOrdersConfig(production)).toThrow(
      /WEBHOOK_SECRET_KEY: must be set to a secret of your own/,
    );
    const live = {
      ...production,
      WEBHOOK_SECRET_KEY: 'a-production-webhook-sealing-key-0123456789',
    };
    expect(webhookPolicy(loadOrdersConfig(live))).toEqual({
      allowInsecure: false,
      allowPrivate: false,
    });
    expect(() => loadOrdersConfig({ ...live, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_TARGETS: may not be true in production/,
    );
    expect(webhookPolicy(loadOrdersConfig({}))).toEqual({
      allowInsecure: true,
      allowPrivate: true,
    });
    expect(
      webhookPolicy(
        loadOrdersConfig({
          WEBHOOK_ALLOW_INSECURE: 'false',
          WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false',
        }),
      ),
    ).toEqual({ allowInsecure: false, allowPrivate: false });
    expect(loadOrdersConfig({}).WEBHOOK_RETRY_SCHEDULE_MS).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(() => loadOrdersConfig({ WEBHOOK_RETRY_SCHEDULE_MS: '0,-5' })).toThrow(ConfigError);
  });
});
