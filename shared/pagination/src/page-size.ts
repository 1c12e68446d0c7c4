import { BadUserInputError } from '@shop/errors';

/** The most rows any list answers at once. */
export const MAX_PAGE_SIZE = 100;

/**
 * A client's count argument (`first`, `limit`), checked: an integer within `[min, max]`, or
 * BAD_USER_INPUT naming the argument; never silently truncated.
 */
export function boundedCount(
  value: number | null | undefined,
  { field = 'first', min = 1, max = MAX_PAGE_SIZE, fallback = 20 } = {},
): number {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < min || count > max) {
    throw new BadUserInputError(`${field} must be between ${min} and ${max}`, field);
  }
  return count;
}
