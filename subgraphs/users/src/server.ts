import { join } from 'node:path';
import { createSubgraph, defineSubgraph } from '@shop/service';
import { usersBackgroundTasks } from './background-tasks';
import type { UsersConfig } from './config';
import { createUsersContext } from './context';
import { usersInternalRoutes } from './internal-routes';
import { usersModels } from './models';
import { resolvers } from './resolvers';
import { createUsersServices } from './services';

/** The users subgraph: accounts, sign-in, sessions, and the notification events they raise. */
export const usersSubgraph = defineSubgraph({
  name: 'users',
  schemaPath: join(__dirname, 'schema.graphql'),
  resolvers,
  models: usersModels,
  services: createUsersServices,
  context: createUsersContext,
  internalRoutes: usersInternalRoutes,
  backgroundTasks: usersBackgroundTasks,
});

/** Builds the users subgraph: its database, services and GraphQL endpoint, not yet listening. */
export function createUsersSubgraph(config: UsersConfig) {
  return createSubgraph(usersSubgraph, config);
}

export type UsersSubgraph = Awaited<ReturnType<typeof createUsersSubgraph>>;
export { loadUsersConfig, type UsersConfig } from './config';
export { notificationDispatcher } from './notification/notification.dispatcher';
