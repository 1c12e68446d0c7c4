import type { FilterQuery, Types } from 'mongoose';
import { decodeCursor, encodeCursor, invalidCursor } from '@shop/pagination';
import type { InquiryDocument } from './inquiry.model';

/** Where a page of a list ends, in its own sort order; a cursor of the other list is refused. */
type Sorted = Pick<InquiryDocument, '_id' | 'createdAt' | 'sla'>;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value);

/** The queue's order: breached first, then the earliest deadline, then the oldest id. */
export const QUEUE_SORT = { 'sla.breached': -1, 'sla.dueAt': 1, _id: 1 } as const;
/** A customer's list: newest first. */
export const RECENT_SORT = { createdAt: -1, _id: -1 } as const;

export function queueCursorOf(inquiry: Sorted): string {
  return encodeCursor([
    'QUEUE',
    inquiry.sla.breached ? 1 : 0,
    inquiry.sla.dueAt.getTime(),
    inquiry._id.toHexString(),
  ]);
}

/** The rows after `cursor` in {@link QUEUE_SORT}. @throws BAD_USER_INPUT on `after` */
export function afterQueueCursor(
  cursor: string,
  toId: (id: string) => Types.ObjectId,
): FilterQuery<InquiryDocument> {
  const [list, breached, dueAt, id] = decodeCursor(cursor, 4);
  if (
    list !== 'QUEUE' ||
    (breached !== 0 && breached !== 1) ||
    typeof dueAt !== 'number' ||
    !isId(id)
  ) {
    throw invalidCursor();
  }
  const due = new Date(dueAt);
  const sameGroup = breached === 1;
  const later: FilterQuery<InquiryDocument>[] = [
    { 'sla.breached': sameGroup, 'sla.dueAt': { $gt: due } },
    { 'sla.breached': sameGroup, 'sla.dueAt': due, _id: { $gt: toId(id) } },
  ];
  // After the breached ones come all the others.
  if (sameGroup) later.push({ 'sla.breached': false });
  return { $or: later };
}

export function recentCursorOf(inquiry: Sorted): string {
  return encodeCursor(['RECENT', inquiry.createdAt.getTime(), inquiry._id.toHexString()]);
}

/** The rows after `cursor` in {@link RECENT_SORT}. @throws BAD_USER_INPUT on `after` */
export function afterRecentCursor(
  cursor: string,
  toId: (id: string) => Types.ObjectId,
): FilterQuery<InquiryDocument> {
  const [list, createdAt, id] = decodeCursor(cursor, 3);
  if (list !== 'RECENT' || typeof createdAt !== 'number' || !isId(id)) throw invalidCursor();
  const at = new Date(createdAt);
  return { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: toId(id) } }] };
}
