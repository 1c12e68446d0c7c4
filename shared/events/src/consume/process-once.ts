import type { Redis } from '@shop/redis';

/** Another worker holds the event; the job should be retried later, not dropped. */
export class AlreadyInProgressError extends Error {
  constructor(eventId: string) {
    super(`event ${eventId} is being processed by another worker`);
    this.name = 'AlreadyInProgressError';
  }
}

export interface ProcessOnceOptions {
  /** How long a claim protects a job that may still be running. @defaultValue 60_000 */
  leaseMs?: number;
  /** How long a finished event is remembered. @defaultValue 7 days */
  rememberMs?: number;
}

/**
 * Runs `work` for an event id at most once per consumer, across duplicates and retries: the
 * first caller claims the id with a lease (SET NX PX); a finished id is remembered, so a later
 * duplicate returns `false` without running; a failed run releases the claim for the retry.
 * A worker killed mid-run leaves a claim that expires after the lease, so nothing is lost.
 */
export async function processOnce(
  redis: Redis,
  consumer: string,
  eventId: string,
  work: () => Promise<void>,
  { leaseMs = 60_000, rememberMs = 7 * 24 * 3_600_000 }: ProcessOnceOptions = {},
): Promise<boolean> {
  const key = `processed:${consumer}:${eventId}`;
  const claimed = await redis.set(key, 'processing', 'PX', leaseMs, 'NX');
  if (!claimed) {
    if ((await redis.get(key)) === 'done') return false;
    throw new AlreadyInProgressError(eventId);
  }
  try {
    await work();
  } catch (error) {
    await redis.del(key);
    throw error;
  }
  await redis.set(key, 'done', 'PX', rememberMs);
  return true;
}
