import type { ProductResolvers } from '../__generated__/resolvers-types';
import { availableQuantity, isPurchasable, stockStatusOf } from '../product/stock-status';
import { NotFoundError } from '@shop/errors';
import type { CategoryDocument } from '../category/category.model';

export const Product: ProductResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  id: (product) => product._id.toHexString(),
  name: (product, { locale }) => (locale === 'EN' ? product.nameEn : product.name),
  description: (product, { locale }) =>
    locale === 'EN' ? product.descriptionEn : product.description,
  category: (product, _args, { loaders }) => {
    const id = product.categoryId.toHexString();
    const found = loaders.categoryOf(id);
    const check = (category: CategoryDocument | null) => {
      if (!category) throw new NotFoundError('Category', id);
      return category;
    };
    return found instanceof Promise ? found.then(check) : check(found);
  },
  availableQuantity: (product) => availableQuantity(product),
  stockStatus: (product, _args, { inStockThreshold }) =>
    stockStatusOf(availableQuantity(product), inStockThreshold),
  purchasable: (product) => isPurchasable(product),
  relatedProducts: (product, { limit }, { related }) => related(product, limit ?? 4),
};
