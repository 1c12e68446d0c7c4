import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  inquiries: ({ id }, { first }, { inquiries, identity }) =>
    inquiries.inquiriesOfUser(id, first ?? 20, identity),
};
