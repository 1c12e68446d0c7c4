import { z } from 'zod';
import { secretWithDevelopmentDefault } from './base-env';
import { ConfigError, loadConfig } from './load-config';
import { subgraphEnvSchema } from './subgraph-env';

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const config = loadConfig(subgraphEnvSchema('cart', 4003), { CART_PORT: '5003' });
    expect(config).toMatchObject({
      port: 5003,
      dbName: 'shop_cart',
      NODE_ENV: 'development',
      MONGODB_URI: 'mongodb://127.0.0.1:27017',
    });
  });

  it('names every bad variable', () => {
    const schema = z.object({
      PORT: z.coerce.number().int(),
      REDIS_URL: z.string().startsWith('redis'),
    });
    expect(() => loadConfig(schema, { PORT: 'abc', REDIS_URL: 'http://x' })).toThrow(ConfigError);
    try {
      loadConfig(schema, { PORT: 'abc', REDIS_URL: 'http://x' });
    } catch (error) {
      expect((error as ConfigError).issues).toEqual([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^REDIS_URL: /),
      ]);
    }
  });

  it('refuses every development secret in production, naming each variable', () => {
    const schema = subgraphEnvSchema('users', 4001);
    expect(() => loadConfig(schema, { NODE_ENV: 'production' })).toThrow(
      /GATEWAY_SIGNING_SECRET[^]*INTERNAL_API_SECRET/,
    );
    const secret = 'a-production-secret-of-our-own-0123456789';
    expect(() =>
      loadConfig(schema, { NODE_ENV: 'production', GATEWAY_SIGNING_SECRET: secret }),
    ).toThrow(/INTERNAL_API_SECRET: must be set to a secret of your own in production/);
    expect(
      loadConfig(schema, {
        NODE_ENV: 'production',
        GATEWAY_SIGNING_SECRET: secret,
        INTERNAL_API_SECRET: `${secret}-internal`,
      }).port,
    ).toBe(4001);
  });

  it('refuses a secret declared by a service with a development default', () => {
    const schema = z.object({
      NODE_ENV: z.string(),
      PG_SECRET_KEY: secretWithDevelopmentDefault('test_sk_development_only_0123456789', 8),
    });
    expect(() => loadConfig(schema, { NODE_ENV: 'production' })).toThrow(/PG_SECRET_KEY/);
    expect(loadConfig(schema, { NODE_ENV: 'development' }).PG_SECRET_KEY).toBe(
      'test_sk_development_only_0123456789',
    );
  });
});
