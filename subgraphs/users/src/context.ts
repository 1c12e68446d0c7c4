import type { SubgraphBaseContext } from '@shop/service';
import type { UserLoaders } from './user/user.loaders';
import type { UserService } from './user/user.service';

export interface UsersContext extends SubgraphBaseContext {
  loaders: UserLoaders;
  users: UserService;
}
