import { createRedis, isRedisReachable } from '../src';

describe('createRedis', () => {
  it('connects to the Redis the tests run against and answers PING', async () => {
    const redis = createRedis(String(process.env['REDIS_URL']));
    try {
      expect(await isRedisReachable(redis)).toBe(true);
    } finally {
      await redis.quit();
    }
  });

  it('reports an unreachable server as not ready instead of throwing', async () => {
    const redis = createRedis('redis://127.0.0.1:1');
    redis.on('error', () => undefined);
    try {
      expect(await isRedisReachable(redis)).toBe(false);
    } finally {
      redis.disconnect();
    }
  });
});
