import type { AuthPayloadResolvers } from '../__generated__/resolvers-types';

export const AuthPayload: AuthPayloadResolvers = {
  // The caller just proved who they are, though the gateway still sees them as anonymous.
  user: ({ user }, _args, { users }) => users.asSelf(user),
};
