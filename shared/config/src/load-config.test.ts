import { z } from 'zod';
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

  it('refuses development secrets in production', () => {
    expect(() => loadConfig(subgraphEnvSchema('users', 4001), { NODE_ENV: 'production' })).toThrow(
      /GATEWAY_SIGNING_SECRET/,
    );
    const secret = 'a-production-secret-of-our-own-0123456789';
    expect(
      loadConfig(subgraphEnvSchema('users', 4001), {
        NODE_ENV: 'production',
        GATEWAY_SIGNING_SECRET: secret,
      }).port,
    ).toBe(4001);
  });
});
