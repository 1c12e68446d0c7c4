import type { Logger } from '@shop/logger';

/**
 * The steps of checkout and of a paid order's cancellation between which a crash is interesting: the crash harness
 * (`e2e/test/checkout-crash.test.ts`, `e2e/test/refund-crash.test.ts`) stops the orders process at one of them and kills it.
 */
export const CRASH_POINTS = [
  /** createOrder: stock reserved, the order not yet written. */
  'after-reserve',
  /** payOrder: the attempt recorded, no money taken yet. */
  'after-intent',
  /** payOrder: money taken (balance debited or card approved), not yet recorded as captured. */
  'after-debit',
  /** payOrder: capture recorded on the order, stock not yet committed. */
  'after-capture',
  /** payOrder: stock committed, the order not yet PAID. */
  'after-commit',
  /** cancellation: money given back (balance entry or PG cancel), not yet recorded, no restock. */
  'after-refund',
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

/** Where the saga calls in at each crash point; a no-op unless the harness armed that point. */
export interface CrashHook {
  at(point: CrashPoint): Promise<void>;
}

export const NO_CRASH: CrashHook = { at: async () => undefined };

/**
 * The test hook armed at `point` (config `ORDERS_CRASH_AT`, refused outside NODE_ENV=test):
 * reaching it logs `crash point reached` and never returns, so the process sits exactly there
 * until the harness kills it with SIGKILL, as a crash would leave it.
 */
export function crashHook(point: CrashPoint | undefined, logger: Logger): CrashHook {
  if (!point) return NO_CRASH;
  return {
    async at(reached) {
      if (reached !== point) return;
      logger.fatal({ step: reached }, 'crash point reached');
      await new Promise<never>(() => undefined);
    },
  };
}
