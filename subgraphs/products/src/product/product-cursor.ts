import { Types } from 'mongoose';
import { BadUserInputError } from '@shop/errors';

/** Where a page ended: the sort it belongs to, the last row's sort value and its id. */
export interface CursorPosition {
  sort: string;
  value: string | number | null;
  id: Types.ObjectId;
}

/** Opaque cursor: base64url of `[sort, value, id]`. */
export function encodeCursor({ sort, value, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([sort, value, id.toHexString()])).toString('base64url');
}

/** Decodes a cursor made for `sort`; anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string, sort: string): CursorPosition {
  const invalid = () => new BadUserInputError('Invalid cursor for this sort', 'after');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [cursorSort, value, id] = parsed as unknown[];
  const valueOk = value === null || typeof value === 'string' || typeof value === 'number';
  if (cursorSort !== sort || !valueOk || typeof id !== 'string' || !/^[0-9a-f]{24}$/.test(id)) {
    throw invalid();
  }
  return { sort, value: value as CursorPosition['value'], id: new Types.ObjectId(id) };
}
