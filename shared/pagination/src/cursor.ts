import { BadUserInputError } from '@shop/errors';

/** What a cursor may hold: sort keys and ids. */
export type CursorValue = string | number | null;

/** An opaque cursor: base64url of a JSON array of values. */
export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor made by {@link encodeCursor}, `length` of them, each a string, a
 * finite number or null; anything else (a forged or foreign cursor) is BAD_USER_INPUT on `after`.
 */
export function decodeCursor(cursor: string, length: number): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === length &&
    parsed.every(
      (value) =>
        value === null ||
        typeof value === 'string' ||
        (typeof value === 'number' && Number.isFinite(value)),
    );
  if (!valid) throw invalidCursor();
  return parsed as CursorValue[];
}

export function invalidCursor(): BadUserInputError {
  return new BadUserInputError('Invalid cursor for this list', 'after');
}
