import {
  PRODUCTS_INTERNAL,
  productLookupResponse,
  type ProductLookupRequest,
  type ProductLookupSource,
  type ProductSnapshot,
} from '@shop/contracts';
import type { InternalClient } from '@shop/service';

/** The most ids the products subgraph answers in one lookup. */
export const MAX_LOOKUP_IDS = 100;

/**
 * Live price and availability from the products subgraph, through its internal API: the cart
 * never reads the products database and never keeps its own copy of prices or stock.
 */
export class ProductLookupClient {
  constructor(private readonly client: InternalClient) {}

  /**
   * Snapshots of up to {@link MAX_LOOKUP_IDS} products in the order asked, null for unknown
   * ids, read from `source` (see the contract). The answer is validated against the contract.
   */
  async lookup(
    ids: readonly string[],
    source: ProductLookupSource,
  ): Promise<Array<ProductSnapshot | null>> {
    const request: ProductLookupRequest = { ids: [...ids], source };
    const response = await this.client.post<unknown>(PRODUCTS_INTERNAL.lookup, request);
    const { products } = productLookupResponse.parse(response);
    if (products.length !== ids.length) {
      throw new Error(`product lookup answered ${products.length} of ${ids.length} ids`);
    }
    return products;
  }
}
