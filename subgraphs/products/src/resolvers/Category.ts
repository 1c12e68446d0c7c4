import type { CategoryResolvers } from '../__generated__/resolvers-types';

export const Category: CategoryResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.categoryById.load(id),
  id: (category) => category._id.toHexString(),
  name: (category, { locale }) => (locale === 'EN' ? category.nameEn : category.name),
};
