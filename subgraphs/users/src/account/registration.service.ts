import { requireUser, type Identity } from '@shop/auth';
import { AppError, RateLimitedError } from '@shop/errors';
import type { AuthResult, AuthService } from '../auth/auth.service';
import { hashToken, issueToken } from '../auth/one-time-token';
import type { PasswordHasher } from '../auth/password-hasher';
import { emailVerified, storefrontLink, verificationRequested } from '../notification/user-events';
import type { UserDocument, UserModel } from '../user/user.model';
import { parseRegistration, type RegisterInput } from './account-input';

/** Verification and reset links stay valid for a day. */
export const MAIL_TOKEN_TTL_SECONDS = 24 * 3_600;

export interface RegistrationServiceDeps {
  users: UserModel;
  hasher: PasswordHasher;
  auth: AuthService;
  storefrontUrl: string;
  resendIntervalSeconds: number;
}

function isDuplicateKey(error: unknown): boolean {
  return (
    !!error &&
    typeof error === 'object' &&
    'code' in error &&
    (error as { code: unknown }).code === 11000
  );
}

/** Sign-up and email verification. */
export class RegistrationService {
  constructor(private readonly deps: RegistrationServiceDeps) {}

  /**
   * Creates a CUSTOMER account and signs it in. The user document is inserted together with
   * the event that mails the verification link, in one write, so the mail cannot be lost.
   * EMAIL_TAKEN when the email exists in any case; nothing is written on bad input.
   */
  async register(input: RegisterInput): Promise<AuthResult> {
    const valid = parseRegistration(input);
    if (await this.deps.users.exists({ email: valid.email })) throw this.emailTaken();
    const { token, stored } = issueToken(MAIL_TOKEN_TTL_SECONDS);
    const draft = new this.deps.users({
      email: valid.email,
      passwordHash: await this.deps.hasher.hash(valid.password),
      name: valid.name,
      phone: valid.phone,
      locale: valid.locale,
      roles: ['CUSTOMER'],
      emailVerification: stored,
    });
    draft.outbox = [verificationRequested(draft, this.verifyLink(token))];
    try {
      await draft.save();
    } catch (error) {
      if (isDuplicateKey(error)) throw this.emailTaken();
      throw error;
    }
    return this.deps.auth.startSession(draft.toObject<UserDocument>());
  }

  /**
   * Consumes a verification token (once: a second use is INVALID_TOKEN) and queues the
   * welcome mail in the same write.
   */
  async verifyEmail(token: string): Promise<UserDocument> {
    const tokenHash = hashToken(token);
    const pending = { 'emailVerification.tokenHash': tokenHash };
    const user = await this.deps.users.findOne(pending).lean<UserDocument>();
    if (!user?.emailVerification || user.emailVerification.expiresAt <= new Date()) {
      throw new AppError('INVALID_TOKEN', 'The verification link is invalid or has expired');
    }
    const verified = await this.deps.users
      .findOneAndUpdate(
        { _id: user._id, ...pending },
        {
          $set: { emailVerified: true },
          $unset: { emailVerification: 1 },
          $push: { outbox: emailVerified(user) },
        },
        { new: true },
      )
      .lean<UserDocument>();
    if (!verified) throw new AppError('INVALID_TOKEN', 'The verification link was already used');
    return verified;
  }

  /**
   * Mails a new verification link (the previous one stops working). False when the email is
   * already verified; RATE_LIMITED within `resendIntervalSeconds` of the last mail.
   */
  async resendVerificationEmail(identity: Identity | null): Promise<boolean> {
    const { userId } = requireUser(identity);
    const user = await this.deps.users.findById(userId).lean<UserDocument>();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
    if (user.emailVerified) return false;
    const cutoff = new Date(Date.now() - this.deps.resendIntervalSeconds * 1000);
    const { token, stored } = issueToken(MAIL_TOKEN_TTL_SECONDS);
    const { modifiedCount } = await this.deps.users.updateOne(
      {
        _id: user._id,
        emailVerified: false,
        $or: [{ emailVerification: null }, { 'emailVerification.sentAt': { $lte: cutoff } }],
      },
      {
        $set: { emailVerification: stored },
        $push: { outbox: verificationRequested(user, this.verifyLink(token)) },
      },
    );
    if (modifiedCount === 0) {
      const sentAt = user.emailVerification?.sentAt.getTime() ?? Date.now();
      const wait = Math.ceil((sentAt - cutoff.getTime()) / 1000);
      throw new RateLimitedError(Math.max(1, wait), 'A verification mail was sent moments ago');
    }
    return true;
  }

  private verifyLink(token: string): string {
    return storefrontLink(this.deps.storefrontUrl, 'verify-email', token);
  }

  private emailTaken(): AppError {
    return new AppError('EMAIL_TAKEN', 'An account with this email already exists');
  }
}
