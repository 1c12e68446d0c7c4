import { ForbiddenError } from '@shop/errors';
import { hasRole, type Identity } from '@shop/auth';
import type { UserDocument } from './user.model';
import type { UserLoaders } from './user.loaders';

export class UserService {
  constructor(private readonly loaders: UserLoaders) {}

  /** The signed-in user, or null for anonymous callers and users that no longer exist. */
  async me(identity: Identity | null): Promise<UserDocument | null> {
    return identity ? this.loaders.userById.load(identity.userId) : null;
  }

  /** Contact details are for the user themself and for staff (AGENT, ADMIN). */
  assertMaySeeContactDetails(user: UserDocument, identity: Identity | null): void {
    if (identity?.userId === user._id.toHexString() || hasRole(identity, 'AGENT', 'ADMIN')) return;
    throw new ForbiddenError('Only the user and staff can see contact details');
  }
}
