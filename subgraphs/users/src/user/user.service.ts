import { BadUserInputError, ForbiddenError, NotFoundError } from '@shop/errors';
import { hasRole, isRole, requireRole, type Identity, type Role } from '@shop/auth';
import { isObjectIdString } from '@shop/mongo';
import type { SessionStore } from '../auth/session.store';
import type { AccountStatus, UserDocument, UserModel } from './user.model';
import type { UserLoaders } from './user.loaders';

/** Per request: the user queries and the rules on what the caller may see. */
export class UserService {
  /** Users the caller proved to be in this request: by password, refresh token or mailed token. */
  private readonly provenSelf = new Set<string>();

  constructor(
    private readonly users: UserModel,
    private readonly loaders: UserLoaders,
    private readonly sessions: SessionStore,
  ) {}

  /** The signed-in user, or null for anonymous callers and users that no longer exist. */
  async me(identity: Identity | null): Promise<UserDocument | null> {
    return identity ? this.loaders.userById.load(identity.userId) : null;
  }

  /**
   * Marks `user` as the caller for the rest of this request, e.g. the user of an AuthPayload
   * who is still anonymous to the gateway, so they can read their own contact details.
   */
  asSelf(user: UserDocument): UserDocument {
    this.provenSelf.add(user._id.toHexString());
    return user;
  }

  /** Contact details are for the user themself and for staff (AGENT, ADMIN). */
  assertMaySeeContactDetails(user: UserDocument, identity: Identity | null): void {
    const id = user._id.toHexString();
    if (identity?.userId === id || this.provenSelf.has(id)) return;
    if (hasRole(identity, 'AGENT', 'ADMIN')) return;
    throw new ForbiddenError('Only the user and staff can see contact details');
  }

  /** The status clients see: an automatic lock that has run out reads as ACTIVE. */
  status(user: UserDocument, now = new Date()): AccountStatus {
    if (user.status === 'LOCKED' && user.lockedUntil && user.lockedUntil <= now) return 'ACTIVE';
    return user.status;
  }

  /**
   * ADMIN: replaces a user's roles and ends their sessions, so no access token keeps the old
   * roles. At least one role is required.
   */
  async setUserRoles(identity: Identity | null, userId: string, roles: Role[]) {
    requireRole(identity, 'ADMIN');
    const unique = [...new Set(roles)];
    if (unique.length === 0 || !unique.every(isRole)) {
      throw new BadUserInputError('Give at least one known role', 'roles');
    }
    const user = await this.update(userId, { $set: { roles: unique } });
    await this.sessions.revokeAll(userId);
    return user;
  }

  /**
   * ADMIN: sets an account's status. ACTIVE also lifts a failed-login lock; LOCKED (until
   * lifted) and SUSPENDED end the user's sessions at once.
   */
  async setAccountStatus(identity: Identity | null, userId: string, status: AccountStatus) {
    requireRole(identity, 'ADMIN');
    const user = await this.update(userId, {
      $set: { status, ...(status === 'ACTIVE' ? { failedLoginCount: 0 } : {}) },
      $unset: { lockedUntil: 1 },
    });
    if (status !== 'ACTIVE') await this.sessions.revokeAll(userId);
    return user;
  }

  private async update(userId: string, change: object): Promise<UserDocument> {
    if (!isObjectIdString(userId)) throw new BadUserInputError('Unknown user id', 'userId');
    const user = await this.users
      .findByIdAndUpdate(userId, change, { new: true })
      .lean<UserDocument>();
    if (!user) throw new NotFoundError('User', userId);
    return user;
  }
}
