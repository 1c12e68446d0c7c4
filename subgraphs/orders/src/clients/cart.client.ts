import {
  CART_INTERNAL,
  cartLinesResponse,
  removeOrderedLinesResponse,
  type CartLine,
} from '@shop/contracts';
import type { InternalClient } from '@shop/service';

/** The cart subgraph's internal API: checkout never reads cart keys itself. */
export class CartClient {
  constructor(private readonly client: InternalClient) {}

  /** The buyer's cart lines, in the order they were added. */
  async lines(userId: string): Promise<CartLine[]> {
    return cartLinesResponse.parse(await this.client.post(CART_INTERNAL.lines, { userId })).lines;
  }

  /** Takes what a paid order bought out of the buyer's cart, once per order. */
  async removeOrdered(
    userId: string,
    orderId: string,
    lines: readonly CartLine[],
  ): Promise<boolean> {
    const answer = await this.client.post(CART_INTERNAL.removeOrdered, { userId, orderId, lines });
    return removeOrderedLinesResponse.parse(answer).removed;
  }
}
