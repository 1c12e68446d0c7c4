/**
 * Where the support desk reads the time. Services, timers and sweepers take one, so tests can
 * move time forward (seven days to an auto-close) without waiting for it.
 */
export interface Clock {
  now(): Date;
}

/** The real time; what production runs on. */
export const systemClock: Clock = { now: () => new Date() };
