import type { SubgraphFoundation, SubgraphParts } from '@shop/service';
import { PasswordResetService } from './account/password-reset.service';
import { RegistrationService } from './account/registration.service';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { SessionStore } from './auth/session.store';
import type { UsersConfig } from './config';
import type { UsersModels } from './models';

const SECONDS_PER_DAY = 86_400;

/** The users subgraph's process-wide services, built once from config, connections and models. */
export function createUsersServices({
  config,
  runtime,
  models,
}: SubgraphFoundation<UsersConfig, UsersModels>) {
  const hasher = new PasswordHasher();
  const sessions = new SessionStore(runtime.redis, {
    keyPrefix: config.AUTH_KEY_PREFIX,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_DAYS * SECONDS_PER_DAY,
  });
  const auth = new AuthService({
    users: models.users,
    attempts: models.loginAttempts,
    sessions,
    throttle: new LoginThrottle(runtime.redis, {
      keyPrefix: config.AUTH_KEY_PREFIX,
      ipLimit: config.LOGIN_IP_LIMIT,
      ipWindowSeconds: config.LOGIN_IP_WINDOW_SECONDS,
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockBaseSeconds: config.LOGIN_LOCK_BASE_SECONDS,
    }),
    hasher,
    accessTokenSecret: config.ACCESS_TOKEN_SECRET,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger: runtime.logger,
  });
  const mail = {
    users: models.users,
    hasher,
    storefrontUrl: config.STOREFRONT_URL,
    resendIntervalSeconds: config.VERIFICATION_RESEND_SECONDS,
  };
  return {
    sessions,
    auth,
    registration: new RegistrationService({ ...mail, auth }),
    passwordReset: new PasswordResetService({ ...mail, sessions }),
  };
}

export type UsersServices = ReturnType<typeof createUsersServices>;
export type UsersParts = SubgraphParts<UsersConfig, UsersModels, UsersServices>;
