import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  orders: ({ id }, { first, after }, { orders, identity }) =>
    orders.ordersOfUser(identity, id, { first, after }),
  balance: ({ id }, _args, { balances, identity }) => balances.balanceOf(identity, id),
};
