import { ConfigError } from '@shop/config';
import { loadOrdersConfig } from './config';

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
});
