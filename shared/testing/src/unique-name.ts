import { randomBytes } from 'node:crypto';

/**
 * A name no other test file uses: database names, Redis key prefixes, queue prefixes.
 * Short enough for MongoDB's 64-byte database name limit.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
