import { join } from 'node:path';
import { createNotificationProducer } from '@shop/jobs';
import type { Redis } from '@shop/redis';
import { createSubgraph, type Subgraph, type SubgraphRuntime } from '@shop/service';
import { PasswordResetService } from './account/password-reset.service';
import { RegistrationService } from './account/registration.service';
import { AuthService } from './auth/auth.service';
import { loginAttemptModel } from './auth/login-attempt.model';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { SessionStore } from './auth/session.store';
import type { UsersConfig } from './config';
import type { UsersContext } from './context';
import { notificationRelayTask } from './notification/notification.relay';
import { resolvers } from './resolvers';
import { createUserLoaders } from './user/user.loaders';
import { userModel } from './user/user.model';
import { UserService } from './user/user.service';

/** The services of one process, built once from its configuration and connections. */
function createServices(config: UsersConfig, { mongo, redis, logger }: SubgraphRuntime) {
  const users = userModel(mongo);
  const hasher = new PasswordHasher();
  const sessions = sessionStore(config, redis);
  const auth = new AuthService({
    users,
    attempts: loginAttemptModel(mongo),
    sessions,
    throttle: new LoginThrottle(redis, {
      keyPrefix: config.AUTH_KEY_PREFIX,
      ipLimit: config.LOGIN_IP_LIMIT,
      ipWindowSeconds: config.LOGIN_IP_WINDOW_SECONDS,
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockBaseSeconds: config.LOGIN_LOCK_BASE_SECONDS,
    }),
    hasher,
    accessTokenSecret: config.ACCESS_TOKEN_SECRET,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger,
  });
  const mail = {
    users,
    hasher,
    storefrontUrl: config.STOREFRONT_URL,
    resendIntervalSeconds: config.VERIFICATION_RESEND_SECONDS,
  };
  return {
    users,
    sessions,
    auth,
    registration: new RegistrationService({ ...mail, auth }),
    passwordReset: new PasswordResetService({ ...mail, sessions }),
  };
}

function sessionStore(config: UsersConfig, redis: Redis): SessionStore {
  return new SessionStore(redis, {
    keyPrefix: config.AUTH_KEY_PREFIX,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_DAYS * 24 * 3_600,
  });
}

/** Builds the users subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createUsersSubgraph(config: UsersConfig): Promise<Subgraph> {
  return createSubgraph<UsersContext>({
    name: 'users',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: (connection) => {
      userModel(connection);
      loginAttemptModel(connection);
    },
    contextFactory: (runtime) => {
      const services = createServices(config, runtime);
      return (base) => {
        const loaders = createUserLoaders(services.users);
        return {
          ...base,
          ...services,
          loaders,
          users: new UserService(services.users, loaders, services.sessions),
        };
      };
    },
    backgroundTasks: ({ mongo, logger }) => [
      notificationRelayTask({
        users: userModel(mongo),
        producer: createNotificationProducer({
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
        }),
        logger,
        intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
      }),
    ],
  });
}

export { loadUsersConfig, type UsersConfig } from './config';
export { dispatchUserEvent } from './notification/notification.relay';
