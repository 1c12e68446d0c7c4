import {
  STANDARD_RETRY_SCHEDULE_MS,
  parseSchedule,
  shouldDisable,
  verdictAfter,
} from './webhook-retry-policy';

describe('webhook retry policy', () => {
  const middle = () => 0.5;

  it('only 2xx succeeds; 410 ends at once; 3xx, 4xx, 5xx and no answer are retried', () => {
    expect(verdictAfter(0, 200, STANDARD_RETRY_SCHEDULE_MS, middle)).toEqual({ kind: 'succeeded' });
    expect(verdictAfter(0, 299, STANDARD_RETRY_SCHEDULE_MS, middle)).toEqual({ kind: 'succeeded' });
    expect(verdictAfter(0, 410, STANDARD_RETRY_SCHEDULE_MS, middle)).toEqual({ kind: 'gone' });
    for (const status of [302, 400, 500, null]) {
      expect(verdictAfter(0, status, STANDARD_RETRY_SCHEDULE_MS, middle)).toEqual({
        kind: 'retry',
        delayMs: 5_000,
      });
    }
  });

  it('follows the Standard Webhooks schedule, then fails after the eighth attempt', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) =>
      verdictAfter(n, 500, STANDARD_RETRY_SCHEDULE_MS, middle),
    );
    expect(delays).toEqual(
      [300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000].map((delayMs) => ({
        kind: 'retry',
        delayMs,
      })),
    );
    expect(verdictAfter(7, 500, STANDARD_RETRY_SCHEDULE_MS, middle)).toEqual({ kind: 'failed' });
  });

  it('jitters each delay by at most ±20 %', () => {
    expect(verdictAfter(2, 500, STANDARD_RETRY_SCHEDULE_MS, () => 0)).toEqual({
      kind: 'retry',
      delayMs: 1_440_000,
    });
    expect(verdictAfter(2, 500, STANDARD_RETRY_SCHEDULE_MS, () => 1)).toEqual({
      kind: 'retry',
      delayMs: 2_160_000,
    });
  });

  it('disables after five days of failures only', () => {
    const now = new Date('2026-01-06T00:00:00Z');
    const fiveDays = 5 * 86_400_000;
    expect(shouldDisable(null, now, fiveDays)).toBe(false);
    expect(shouldDisable(new Date('2026-01-01T00:00:01Z'), now, fiveDays)).toBe(false);
    expect(shouldDisable(new Date('2026-01-01T00:00:00Z'), now, fiveDays)).toBe(true);
  });

  it('parses a schedule from configuration', () => {
    expect(parseSchedule('0, 100,200')).toEqual([0, 100, 200]);
    expect(() => parseSchedule('0,-1')).toThrow();
    expect(() => parseSchedule('a')).toThrow();
  });
});
