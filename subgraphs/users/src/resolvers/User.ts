import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  id: (user) => user._id.toHexString(),
  email: (user, _args, { users, identity }) => {
    users.assertMaySeeContactDetails(user, identity);
    return user.email;
  },
  phone: (user, _args, { users, identity }) => {
    users.assertMaySeeContactDetails(user, identity);
    return user.phone ?? null;
  },
  status: (user, _args, { users }) => users.status(user),
  locale: (user) => (user.locale === 'en' ? 'EN' : 'KO'),
};
