import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  addToCart: (_parent, { productId, quantity }, { carts, identity }) =>
    carts.addToCart(identity, productId, quantity),
  updateCartItem: (_parent, { productId, quantity }, { carts, identity }) =>
    carts.updateCartItem(identity, productId, quantity),
  removeFromCart: (_parent, { productId }, { carts, identity }) =>
    carts.removeFromCart(identity, productId),
  clearCart: (_parent, _args, { carts, identity }) => carts.clearCart(identity),
};
