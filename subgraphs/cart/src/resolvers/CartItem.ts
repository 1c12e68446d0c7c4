import type { CartItemResolvers } from '../__generated__/resolvers-types';

export const CartItem: CartItemResolvers = {
  product: (line) => ({ id: line.productId }),
  unitPrice: async (line, _args, { pricing }) => (await pricing.line(line)).unitPrice,
  lineTotal: async (line, _args, { pricing }) => (await pricing.line(line)).lineTotal,
  stockStatus: async (line, _args, { pricing }) => (await pricing.line(line)).stockStatus,
  purchasable: async (line, _args, { pricing }) => (await pricing.line(line)).purchasable,
};
