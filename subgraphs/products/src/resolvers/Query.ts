import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  products: (_parent, { filter, first, after }, { products }) =>
    products.list(filter ?? {}, first ?? 20, after),
  product: (_parent, { id }, { loaders }) => loaders.productById.load(id),
  categories: (_parent, _args, { categories }) => categories.list(),
};
