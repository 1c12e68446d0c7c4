import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  myCart: (_parent, _args, { carts, identity }) => carts.myCart(identity),
};
