import type { InternalRoute } from '@shop/service';
import type { UsersParts } from './services';
import { userInternalRoutes } from './user/user.internal';

/** What other services may call: contacts of users, for the mail and SMS they send. */
export function usersInternalRoutes({ models }: UsersParts): InternalRoute[] {
  return userInternalRoutes(models.users);
}
