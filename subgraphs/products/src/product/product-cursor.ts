import { Types } from 'mongoose';
import { BadUserInputError } from '@shop/errors';

/** Opaque cursor: the base64url of the last product id seen. */
export function encodeCursor(id: Types.ObjectId): string {
  return Buffer.from(id.toHexString()).toString('base64url');
}

export function decodeCursor(cursor: string): Types.ObjectId {
  const hex = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!Types.ObjectId.isValid(hex) || hex.length !== 24)
    throw new BadUserInputError('Invalid cursor', 'after');
  return new Types.ObjectId(hex);
}
