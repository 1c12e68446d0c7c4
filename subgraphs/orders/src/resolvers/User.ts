import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  orders: ({ id }, { first }, { orders, identity }) =>
    orders.ordersOfUser(id, first ?? 20, identity),
};
