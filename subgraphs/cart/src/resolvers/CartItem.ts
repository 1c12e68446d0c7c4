import type { CartItemResolvers } from '../__generated__/resolvers-types';

export const CartItem: CartItemResolvers = {
  product: (line) => ({ id: line.productId }),
};
