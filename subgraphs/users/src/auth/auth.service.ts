import { Types } from 'mongoose';
import { requireUser, signAccessToken, type ClientInfo, type Identity } from '@shop/auth';
import { AppError, BadUserInputError, RateLimitedError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { normalizeEmail } from '../account/account-input';
import type { UserDocument, UserModel } from '../user/user.model';
import type { LoginAttemptModel, LoginOutcome } from './login-attempt.model';
import type { LoginThrottle } from './login-throttle';
import type { PasswordHasher } from './password-hasher';
import type { SessionStore } from './session.store';

/** What register, login and refreshSession return: the AuthPayload of the schema. */
export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserDocument;
}

export interface AuthServiceDeps {
  users: UserModel;
  attempts: LoginAttemptModel;
  sessions: SessionStore;
  throttle: LoginThrottle;
  hasher: PasswordHasher;
  accessTokenSecret: string;
  accessTokenTtlSeconds: number;
  logger: Logger;
}

const UNKNOWN_CLIENT: ClientInfo = { ip: 'unknown', userAgent: '' };

/** No account has a longer email or password, so longer input is refused before any work. */
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1_024;

/** BAD_USER_INPUT for input no account can match: empty, or longer than any can be. */
function assertLoginInput(email: string, password: string): void {
  if (!email.trim() || email.length > MAX_EMAIL_LENGTH)
    throw new BadUserInputError('Enter your email address', 'email');
  if (!password || password.length > MAX_PASSWORD_LENGTH)
    throw new BadUserInputError('Enter your password', 'password');
}

/** Same error, same message, for an unknown email and a wrong password. */
function invalidCredentials(): AppError {
  return new AppError('INVALID_CREDENTIALS', 'The email or password is incorrect');
}

function invalidToken(): AppError {
  return new AppError('INVALID_TOKEN', 'The token is invalid or has expired');
}

/** Sign-in, token refresh and sign-out. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /**
   * Checks the password and opens a session. Every attempt is recorded; too many from one
   * address answer RATE_LIMITED, and `LOGIN_MAX_FAILURES` consecutive failures lock the
   * account (ACCOUNT_LOCKED with `retryAfterSeconds`) even for the right password. An empty
   * (or impossibly long) email or password is BAD_USER_INPUT and records nothing.
   */
  async login(email: string, password: string, client: ClientInfo | null): Promise<AuthResult> {
    assertLoginInput(email, password);
    const from = client ?? UNKNOWN_CLIENT;
    const normalized = normalizeEmail(email);
    const user = await this.deps.users.findOne({ email: normalized }).lean<UserDocument>();
    const record = (outcome: LoginOutcome) => this.record(user, normalized, from, outcome);
    const waitSeconds = await this.deps.throttle.takeIpAttempt(from.ip);
    if (waitSeconds > 0) {
      await record('RATE_LIMITED');
      throw new RateLimitedError(waitSeconds, 'Too many sign-in attempts, try again later');
    }
    if (user) await this.assertNotLocked(user, record);
    const valid = await this.deps.hasher.verifyOrBurn(user?.passwordHash, password);
    if (!user || !valid) {
      await this.countFailure(normalized);
      await record('INVALID_CREDENTIALS');
      throw invalidCredentials();
    }
    if (user.status === 'SUSPENDED') {
      await record('SUSPENDED');
      throw new AppError('FORBIDDEN', 'This account is suspended');
    }
    // Conditional, so a suspension or lock that lands meanwhile is not overwritten.
    const unlocked = [
      { status: 'ACTIVE' },
      { status: 'LOCKED', lockedUntil: { $lte: new Date() } },
    ];
    const signedIn = await this.deps.users
      .findOneAndUpdate(
        { _id: user._id, $or: unlocked },
        { $set: { failedLoginCount: 0, status: 'ACTIVE' }, $unset: { lockedUntil: 1 } },
        { new: true },
      )
      .lean<UserDocument>();
    if (!signedIn) throw new AppError('FORBIDDEN', 'This account cannot sign in right now');
    await record('SUCCESS');
    return this.startSession(signedIn);
  }

  /**
   * Exchanges a refresh token for a new pair. A token used before revokes its whole session
   * (it was stolen, or the client replayed it); either way the answer is INVALID_TOKEN.
   */
  async refreshSession(refreshToken: string): Promise<AuthResult> {
    const rotated = await this.deps.sessions.rotate(refreshToken);
    if (typeof rotated === 'string') {
      if (rotated === 'REUSED') this.deps.logger.warn('refresh token reused: session revoked');
      throw invalidToken();
    }
    const user = Types.ObjectId.isValid(rotated.userId)
      ? await this.deps.users.findById(rotated.userId).lean<UserDocument>()
      : null;
    if (!user || user.status === 'SUSPENDED') {
      await this.deps.sessions.revoke(rotated.sessionId, rotated.userId);
      throw invalidToken();
    }
    return this.tokens(user, rotated.sessionId, rotated.refreshToken);
  }

  /** Revokes the caller's session; its access token is anonymous from the next request on. */
  async logout(identity: Identity | null): Promise<boolean> {
    const user = requireUser(identity);
    await this.deps.sessions.revoke(user.sessionId, user.userId);
    return true;
  }

  /** Opens a new session for `user` and returns its first token pair. */
  async startSession(user: UserDocument): Promise<AuthResult> {
    const { sessionId, refreshToken } = await this.deps.sessions.open(user._id.toHexString());
    return this.tokens(user, sessionId, refreshToken);
  }

  private async tokens(
    user: UserDocument,
    sessionId: string,
    refreshToken: string,
  ): Promise<AuthResult> {
    const expiresIn = this.deps.accessTokenTtlSeconds;
    const accessToken = await signAccessToken(
      { userId: user._id.toHexString(), roles: user.roles, sessionId },
      { secret: this.deps.accessTokenSecret, ttlSeconds: expiresIn },
    );
    return { accessToken, refreshToken, expiresIn, user };
  }

  private async assertNotLocked(
    user: UserDocument,
    record: (outcome: LoginOutcome) => Promise<void>,
  ): Promise<void> {
    if (user.status !== 'LOCKED') return;
    const until = user.lockedUntil?.getTime();
    if (until !== undefined && until <= Date.now()) return;
    await record('ACCOUNT_LOCKED');
    const retryAfterSeconds = until ? Math.ceil((until - Date.now()) / 1000) : null;
    throw new AppError('ACCOUNT_LOCKED', 'This account is locked', { retryAfterSeconds });
  }

  /**
   * Counts a failure by email, so an unknown email costs the same database round trip as a
   * wrong password (it matches nothing), and locks the account at the threshold.
   */
  private async countFailure(email: string): Promise<void> {
    const counted = await this.deps.users
      .findOneAndUpdate({ email }, { $inc: { failedLoginCount: 1 } }, { new: true })
      .lean<UserDocument>();
    const lockedUntil = this.deps.throttle.lockUntil(counted?.failedLoginCount ?? 0);
    if (!counted || !lockedUntil || counted.status === 'SUSPENDED') return;
    await this.deps.users.updateOne(
      // An administrator's lock (no lockedUntil) is not shortened by an automatic one.
      { _id: counted._id, $or: [{ status: 'ACTIVE' }, { lockedUntil: { $ne: null } }] },
      { $set: { status: 'LOCKED', lockedUntil } },
    );
  }

  private async record(
    user: UserDocument | null,
    email: string,
    client: ClientInfo,
    outcome: LoginOutcome,
  ): Promise<void> {
    await this.deps.attempts.create({
      userId: user?._id ?? null,
      email,
      ip: client.ip,
      userAgent: client.userAgent,
      outcome,
      at: new Date(),
    });
  }
}
