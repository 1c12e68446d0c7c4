import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  inquiries: ({ id }, { first, after }, { inquiries, identity }) =>
    inquiries.inquiriesOfUser(identity, id, first, after),
};
