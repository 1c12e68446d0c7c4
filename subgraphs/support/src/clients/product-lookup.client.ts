import {
  PRODUCTS_INTERNAL,
  productLookupResponse,
  type ProductLookupRequest,
  type ProductSnapshot,
} from '@shop/contracts';
import type { InternalClient } from '@shop/service';

/** Whether a product exists, from the products subgraph's internal API. */
export class ProductLookupClient {
  constructor(private readonly client: InternalClient) {}

  /** The product's snapshot, or null when the catalog does not know it. */
  async product(productId: string): Promise<ProductSnapshot | null> {
    const request: ProductLookupRequest = { ids: [productId] };
    const response = await this.client.post<unknown>(PRODUCTS_INTERNAL.lookup, request);
    return productLookupResponse.parse(response).products[0] ?? null;
  }
}
