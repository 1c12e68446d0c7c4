import type { CartResolvers } from '../__generated__/resolvers-types';

export const Cart: CartResolvers = {
  __resolveReference: ({ id }, { carts, identity }) => carts.cartById(id, identity),
  items: (cart) => cart.lines,
  itemCount: (cart) => cart.lines.reduce((sum, line) => sum + line.quantity, 0),
};
