import type { ProductResolvers } from '../__generated__/resolvers-types';
import { availableQuantity, isPurchasable, stockStatusOf } from '../product/stock-status';
import { NotFoundError } from '@shop/errors';

export const Product: ProductResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  id: (product) => product._id.toHexString(),
  name: (product, { locale }) => (locale === 'EN' ? product.nameEn : product.name),
  description: (product, { locale }) =>
    locale === 'EN' ? product.descriptionEn : product.description,
  category: async (product, _args, { loaders }) => {
    const category = await loaders.categoryById.load(product.categoryId.toHexString());
    if (!category) throw new NotFoundError('Category', product.categoryId.toHexString());
    return category;
  },
  availableQuantity: (product) => availableQuantity(product),
  stockStatus: (product, _args, { inStockThreshold }) =>
    stockStatusOf(availableQuantity(product), inStockThreshold),
  purchasable: (product) => isPurchasable(product),
  relatedProducts: (product, { limit }, { related }) => related(product, limit ?? 4),
};
