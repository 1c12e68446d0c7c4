import { Types } from 'mongoose';
import { AppError } from '@shop/errors';
import { hashToken, issueToken } from '../auth/one-time-token';
import type { PasswordHasher } from '../auth/password-hasher';
import type { SessionStore } from '../auth/session.store';
import { passwordResetRequested, storefrontLink } from '../notification/user-events';
import type { UserDocument, UserModel } from '../user/user.model';
import { assertStrongPassword, normalizeEmail } from './account-input';
import { MAIL_TOKEN_TTL_SECONDS } from './registration.service';

export interface PasswordResetServiceDeps {
  users: UserModel;
  hasher: PasswordHasher;
  sessions: SessionStore;
  storefrontUrl: string;
  /** A second request within this time sends no second mail. */
  resendIntervalSeconds: number;
}

/** Password reset by a mailed, single-use token. */
export class PasswordResetService {
  constructor(private readonly deps: PasswordResetServiceDeps) {}

  /**
   * Mails a reset link when the email has an account. Always answers true, so the answer
   * does not tell whether an account exists; repeated requests are silently rate-limited.
   */
  async requestPasswordReset(email: string): Promise<boolean> {
    const normalized = normalizeEmail(email);
    const user = await this.deps.users.findOne({ email: normalized }).lean<UserDocument>();
    const recipient = user ?? { _id: new Types.ObjectId(), email: normalized, name: '-' };
    const { token, stored } = issueToken(MAIL_TOKEN_TTL_SECONDS);
    const cutoff = new Date(Date.now() - this.deps.resendIntervalSeconds * 1000);
    const link = storefrontLink(this.deps.storefrontUrl, 'reset-password', token);
    // Runs for unknown emails too, matching nothing (the id is new), so both answers take the
    // same database round trips and their timing does not tell whether the account exists.
    await this.deps.users.updateOne(
      {
        _id: recipient._id,
        status: { $ne: 'SUSPENDED' },
        $or: [{ passwordReset: null }, { 'passwordReset.sentAt': { $lte: cutoff } }],
      },
      {
        $set: { passwordReset: stored },
        $push: { outbox: passwordResetRequested(recipient, link) },
      },
    );
    return true;
  }

  /**
   * Sets a new password with a reset token (single use, 24 h), lifts a failed-login lock and
   * ends every session of the user. INVALID_TOKEN or WEAK_PASSWORD change nothing.
   */
  async resetPassword(token: string, newPassword: string): Promise<boolean> {
    const pending = { 'passwordReset.tokenHash': hashToken(token) };
    const user = await this.deps.users.findOne(pending).lean<UserDocument>();
    if (!user?.passwordReset || user.passwordReset.expiresAt <= new Date()) {
      throw new AppError('INVALID_TOKEN', 'The reset link is invalid or has expired');
    }
    assertStrongPassword(newPassword, user.email);
    const passwordHash = await this.deps.hasher.hash(newPassword);
    const autoLocked = user.status === 'LOCKED' && !!user.lockedUntil;
    const { modifiedCount } = await this.deps.users.updateOne(
      { _id: user._id, ...pending },
      {
        $set: { passwordHash, failedLoginCount: 0, ...(autoLocked ? { status: 'ACTIVE' } : {}) },
        $unset: { passwordReset: 1, ...(autoLocked ? { lockedUntil: 1 } : {}) },
      },
    );
    if (modifiedCount === 0) throw new AppError('INVALID_TOKEN', 'The reset link was already used');
    await this.deps.sessions.revokeAll(user._id.toHexString());
    return true;
  }
}
