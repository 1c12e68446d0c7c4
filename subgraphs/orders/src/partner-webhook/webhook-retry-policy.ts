/**
 * When each attempt of a delivery is made, after the one before failed: Standard Webhooks'
 * schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Configurable so tests run
 * it in seconds.
 */
export const STANDARD_RETRY_SCHEDULE_MS = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

/** What to do after an attempt, given its outcome. */
export type AttemptVerdict =
  | { kind: 'succeeded' }
  | { kind: 'gone' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'failed' };

/** Only a 2xx answer is a success; redirects are not followed, so 3xx is a failure too. */
export function isSuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

/**
 * The verdict after attempt number `attempt` (0-based within the current round) answered
 * `status` (null: no answer). 410 Gone ends at once; other failures wait for the next slot
 * of the schedule, with up to ±20 % jitter so retries of many deliveries do not arrive together.
 */
export function verdictAfter(
  attempt: number,
  status: number | null,
  schedule: readonly number[],
  random: () => number = Math.random,
): AttemptVerdict {
  if (isSuccess(status)) return { kind: 'succeeded' };
  if (status === 410) return { kind: 'gone' };
  const next = schedule[attempt + 1];
  if (next === undefined) return { kind: 'failed' };
  return { kind: 'retry', delayMs: Math.round(next * (0.8 + 0.4 * random())) };
}

/** True when a subscription failing since `failingSince` has failed for long enough to disable. */
export function shouldDisable(
  failingSince: Date | null,
  now: Date,
  disableAfterMs: number,
): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterMs;
}

/** Parses `WEBHOOK_RETRY_SCHEDULE_MS` (`0,5000,…`): at least one delay, each ≥ 0. */
export function parseSchedule(text: string): number[] {
  const delays = text.split(',').map((part) => Number(part.trim()));
  if (!delays.length || delays.some((delay) => !Number.isInteger(delay) || delay < 0)) {
    throw new Error('must be a comma-separated list of whole milliseconds');
  }
  return delays;
}
