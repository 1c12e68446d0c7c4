import { Types } from 'mongoose';
import { decodeCursor, encodeCursor, invalidCursor } from '@shop/pagination';
import { sortValueKind, type SearchOrder } from './product-sort';

/** Where a page ended: the order it belongs to, the last row's sort value and its id. */
export interface CursorPosition {
  order: SearchOrder;
  value: string | number | null;
  id: Types.ObjectId;
}

/** An opaque cursor for a position: `[order, value, id]`. */
export function encodePosition({ order, value, id }: CursorPosition): string {
  return encodeCursor([order, value, id.toHexString()]);
}

/**
 * Decodes a cursor made for `order`. A cursor of another order, a value of the wrong kind for
 * the order (a string where prices are numbers) or a malformed id is BAD_USER_INPUT on `after`,
 * so nothing a client forges reaches a database query.
 */
export function decodePosition(cursor: string, order: SearchOrder): CursorPosition {
  const [cursorOrder, value, id] = decodeCursor(cursor, 3);
  const kindOk =
    sortValueKind(order) === 'null' ? value === null : typeof value === sortValueKind(order);
  if (cursorOrder !== order || !kindOk || typeof id !== 'string' || !/^[0-9a-f]{24}$/.test(id)) {
    throw invalidCursor();
  }
  return { order, value: value ?? null, id: new Types.ObjectId(id) };
}
