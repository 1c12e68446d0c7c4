import type { InternalRoute } from '@shop/service';
import { inventoryInternalRoutes } from './inventory/inventory.internal';
import { productInternalRoutes } from './product/product.internal';
import type { ProductsParts } from './services';

/** What cart and orders may call: product lookups and stock reservations. */
export function productsInternalRoutes({
  config,
  models,
  services,
}: ProductsParts): InternalRoute[] {
  return [
    ...productInternalRoutes(
      models.products,
      models.categories,
      services.searchIndex,
      config.IN_STOCK_THRESHOLD,
    ),
    ...inventoryInternalRoutes(services.inventory),
  ];
}
