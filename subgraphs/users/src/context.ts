import type { SubgraphBaseContext } from '@shop/service';
import type { PasswordResetService } from './account/password-reset.service';
import type { RegistrationService } from './account/registration.service';
import type { AuthService } from './auth/auth.service';
import type { UserLoaders } from './user/user.loaders';
import type { UserService } from './user/user.service';

export interface UsersContext extends SubgraphBaseContext {
  loaders: UserLoaders;
  users: UserService;
  auth: AuthService;
  registration: RegistrationService;
  passwordReset: PasswordResetService;
}
