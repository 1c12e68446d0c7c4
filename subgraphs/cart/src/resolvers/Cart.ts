import type { CartResolvers } from '../__generated__/resolvers-types';

export const Cart: CartResolvers = {
  __resolveReference: ({ id }, { carts, identity }) => carts.cartById(id, identity),
  items: (cart) => cart.lines,
  itemCount: (cart) => cart.lines.reduce((sum, line) => sum + line.quantity, 0),
  subtotal: async (cart, _args, { pricing }) => (await pricing.totals(cart)).subtotal,
  shippingFee: async (cart, _args, { pricing }) => (await pricing.totals(cart)).shippingFee,
  discount: async (cart, _args, { pricing }) => (await pricing.totals(cart)).discount,
  total: async (cart, _args, { pricing }) => (await pricing.totals(cart)).total,
  purchasable: async (cart, _args, { pricing }) => (await pricing.totals(cart)).purchasable,
};
