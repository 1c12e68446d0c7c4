import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  createProduct: (_parent, { input }, { identity, productAdmin }) =>
    productAdmin.create(identity, input),
  updateProduct: (_parent, { id, input }, { identity, productAdmin }) =>
    productAdmin.update(identity, id, input),
  archiveProduct: (_parent, { id }, { identity, productAdmin }) =>
    productAdmin.archive(identity, id),
  setStock: (_parent, { productId, quantity }, { identity, productAdmin }) =>
    productAdmin.setStock(identity, productId, quantity),
};
