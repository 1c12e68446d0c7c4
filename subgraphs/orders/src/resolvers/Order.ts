import type { OrderResolvers } from '../__generated__/resolvers-types';

export const Order: OrderResolvers = {
  __resolveReference: ({ id }, { orders, identity }) => orders.orderById(id, identity),
  id: (order) => order._id.toHexString(),
};
