import { join } from 'node:path';
import { createSubgraph, type Subgraph } from '@shop/service';
import type { UsersConfig } from './config';
import type { UsersContext } from './context';
import { resolvers } from './resolvers';
import { createUserLoaders } from './user/user.loaders';
import { userModel } from './user/user.model';
import { UserService } from './user/user.service';

/** Builds the users subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createUsersSubgraph(config: UsersConfig): Promise<Subgraph> {
  return createSubgraph<UsersContext>({
    name: 'users',
    config,
    schemaPath: join(__dirname, 'schema.graphql'),
    resolvers,
    registerModels: (connection) => {
      userModel(connection);
    },
    contextFactory: ({ mongo }) => {
      const users = userModel(mongo);
      return (base) => {
        const loaders = createUserLoaders(users);
        return { ...base, loaders, users: new UserService(loaders) };
      };
    },
  });
}

export { loadUsersConfig, type UsersConfig } from './config';
