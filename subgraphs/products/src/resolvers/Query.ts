import type { ProductDocument } from '../product/product.model';
import type { QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  products: (_parent, args, { products }) => products.list(args),
  product: (_parent, { id }, { loaders }) => loaders.productById.load(id),
  categories: (_parent, _args, { categories }) => categories.list(),
  searchSuggestions: (_parent, { prefix, limit }, { search }) => search.suggest(prefix, limit ?? 8),
  popularProducts: async (_parent, { limit }, { popularity, loaders }) => {
    const ids = await popularity.topIds(limit ?? 5);
    const found = await loaders.productById.loadMany(ids);
    return found.filter(
      (product): product is ProductDocument =>
        !!product && !(product instanceof Error) && product.status === 'ACTIVE',
    );
  },
};
