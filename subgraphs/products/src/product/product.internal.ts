import {
  PRODUCTS_INTERNAL,
  productLookupRequest,
  type ProductLookupResponse,
} from '@shop/contracts';
import { parseInput } from '@shop/errors';
import type { InternalRoute } from '@shop/service';
import type { SearchIndex } from '../search/search-index';
import { createProductLoaders } from './product.loaders';
import type { ProductModel } from './product.model';
import type { CategoryModel } from '../category/category.model';
import { availableQuantity, isPurchasable, stockStatusOf } from './stock-status';

/** Internal operations of the products subgraph for cart, orders and support. */
export function productInternalRoutes(
  products: ProductModel,
  categories: CategoryModel,
  readModel: SearchIndex,
  inStockThreshold: number,
): InternalRoute[] {
  return [
    {
      path: PRODUCTS_INTERNAL.lookup,
      callers: ['cart', 'orders', 'support'],
      async handle(body): Promise<ProductLookupResponse> {
        const { ids, source } = parseInput(productLookupRequest, body);
        const { productById } =
          source === 'readModel'
            ? createProductLoaders(products, categories, undefined, readModel)
            : createProductLoaders(products, categories);
        const found = await productById.loadMany(ids);
        return {
          products: found.map((product) => {
            if (!product || product instanceof Error) return null;
            const available = availableQuantity(product);
            return {
              id: product._id.toHexString(),
              sku: product.sku,
              name: product.name,
              price: product.price,
              status: product.status,
              availableQuantity: available,
              stockStatus: stockStatusOf(available, inStockThreshold),
              purchasable: isPurchasable(product),
              sellerId: product.sellerId ?? null,
            };
          }),
        };
      },
    },
  ];
}
