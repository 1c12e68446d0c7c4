import type { OrderItemResolvers, OrderResolvers } from '../__generated__/resolvers-types';

export const Order: OrderResolvers = {
  __resolveReference: ({ id }, { orders, identity }) => orders.reference(identity, id),
  id: (order) => order._id.toHexString(),
  buyer: (order) => ({ id: order.buyerId }),
  items: (order) => order.lines,
};

export const OrderItem: OrderItemResolvers = {
  product: (line) => ({ id: line.productId }),
};
