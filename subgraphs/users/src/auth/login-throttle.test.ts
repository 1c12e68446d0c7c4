import type { Redis } from '@shop/redis';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle.lockUntil', () => {
  const throttle = new LoginThrottle({} as Redis, {
    keyPrefix: 't:',
    ipLimit: 10,
    ipWindowSeconds: 60,
    maxFailures: 5,
    lockBaseSeconds: 60,
  });
  const now = new Date('2026-11-21T00:00:00Z');
  const lockSeconds = (failures: number) =>
    ((throttle.lockUntil(failures, now)?.getTime() ?? now.getTime()) - now.getTime()) / 1000;

  it('does not lock before the fifth consecutive failure', () => {
    expect(throttle.lockUntil(4, now)).toBeNull();
  });

  it('locks for the base time, doubling with each further failure, up to a day', () => {
    expect([5, 6, 7, 8].map(lockSeconds)).toEqual([60, 120, 240, 480]);
    expect(lockSeconds(40)).toBe(86_400);
  });
});
