import {
  INVENTORY_INTERNAL,
  PRODUCTS_INTERNAL,
  productLookupResponse,
  reservationResponse,
  restockResponse,
  type ProductSnapshot,
  type ReservationLine,
  type ReservationResponse,
  type RestockRequest,
  type RestockResponse,
} from '@shop/contracts';
import type { InternalClient } from '@shop/service';

/**
 * The products subgraph as checkout uses it: prices and availability, and the stock
 * reservation of an order (reserve, commit, release: each idempotent by order id).
 */
export class ProductsClient {
  constructor(private readonly client: InternalClient) {}

  /** Snapshots in the order of `ids`; null for unknown products. */
  async lookup(ids: readonly string[]): Promise<Array<ProductSnapshot | null>> {
    const answer = await this.client.post(PRODUCTS_INTERNAL.lookup, { ids });
    return productLookupResponse.parse(answer).products;
  }

  /**
   * Holds every line for the order until `ttlSeconds` pass, or nothing.
   * @throws OUT_OF_STOCK or NOT_FOUND naming the first line that could not be held.
   */
  async reserve(
    orderId: string,
    lines: readonly ReservationLine[],
    ttlSeconds: number,
  ): Promise<ReservationResponse> {
    const answer = await this.client.post(INVENTORY_INTERNAL.reserve, {
      orderId,
      lines,
      ttlSeconds,
    });
    return reservationResponse.parse(answer);
  }

  /** The held units leave with the order. @throws INVALID_STATE_TRANSITION once expired or released. */
  async commit(orderId: string): Promise<ReservationResponse> {
    return reservationResponse.parse(
      await this.client.post(INVENTORY_INTERNAL.commit, { orderId }),
    );
  }

  /** The held units go back on sale; also for an order never reserved (a tombstone). */
  async release(orderId: string): Promise<ReservationResponse> {
    return reservationResponse.parse(
      await this.client.post(INVENTORY_INTERNAL.release, { orderId }),
    );
  }

  /** A cancellation's units go back on sale; idempotent by order id and restock id. */
  async restock(request: RestockRequest): Promise<RestockResponse> {
    return restockResponse.parse(await this.client.post(INVENTORY_INTERNAL.restock, request));
  }
}
