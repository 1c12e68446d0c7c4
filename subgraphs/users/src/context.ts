import type { SubgraphBaseContext } from '@shop/service';
import type { PasswordResetService } from './account/password-reset.service';
import type { RegistrationService } from './account/registration.service';
import type { AuthService } from './auth/auth.service';
import type { UsersParts } from './services';
import { createUserLoaders, type UserLoaders } from './user/user.loaders';
import { UserService } from './user/user.service';

export interface UsersContext extends SubgraphBaseContext {
  loaders: UserLoaders;
  /** Per request: it remembers which users the caller proved to be. */
  users: UserService;
  auth: AuthService;
  registration: RegistrationService;
  passwordReset: PasswordResetService;
}

/** Per request: loaders, the user service that knows who the caller proved to be, and the rest. */
export function createUsersContext(
  base: SubgraphBaseContext,
  { models, services }: UsersParts,
): UsersContext {
  const loaders = createUserLoaders(models.users);
  return {
    ...base,
    loaders,
    users: new UserService(models.users, loaders, services.sessions),
    auth: services.auth,
    registration: services.registration,
    passwordReset: services.passwordReset,
  };
}
