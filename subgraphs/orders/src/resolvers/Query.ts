import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  myOrders: (_parent, { first, after, status }, { orders, identity }) =>
    orders.myOrders(identity, { first, after }, status),
  order: (_parent, { id }, { orders, identity }) => orders.order(identity, id),
  orderByNumber: (_parent, { number }, { orders, identity }) =>
    orders.orderByNumber(identity, number),
  orders: (_parent, { filter, first, after }, { orders, identity }) =>
    orders.search(identity, filter, { first, after }),
  myBalance: (_parent, _args, { balances, identity }) => balances.myBalance(identity),
};
