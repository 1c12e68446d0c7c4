import DataLoader from 'dataloader';
import { Types } from 'mongoose';

/**
 * A per-request DataLoader that fetches documents by id with one `$in` query per batch and
 * returns them in key order, null for ids that are malformed or unknown.
 */
export function createByIdLoader<T extends { _id: Types.ObjectId }>(
  find: (ids: Types.ObjectId[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const ids = keys.filter(isObjectIdString).map((key) => new Types.ObjectId(key));
    const found = ids.length ? await find(ids) : [];
    const byId = new Map(found.map((doc) => [doc._id.toHexString(), doc]));
    return keys.map((key) => byId.get(key) ?? null);
  });
}

/** Strict check: 24 hex characters (mongoose's isValid also accepts any 12-character string). */
export function isObjectIdString(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}
