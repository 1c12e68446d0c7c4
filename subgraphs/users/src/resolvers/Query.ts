import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  me: (_parent, _args, { users, identity }) => users.me(identity),
};
