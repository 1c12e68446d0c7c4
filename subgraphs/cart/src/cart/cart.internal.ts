import {
  CART_INTERNAL,
  cartLinesRequest,
  removeOrderedLinesRequest,
  type CartLinesResponse,
  type RemoveOrderedLinesResponse,
} from '@shop/contracts';
import { parseInput } from '@shop/errors';
import type { InternalRoute } from '@shop/service';
import type { CartStore } from './cart.store';

/** What checkout needs from the cart: a buyer's lines, and taking a paid order's lines out. */
export function cartCheckoutRoutes(store: CartStore): InternalRoute[] {
  return [
    {
      path: CART_INTERNAL.lines,
      callers: ['orders'],
      async handle(body): Promise<CartLinesResponse> {
        const { userId } = parseInput(cartLinesRequest, body);
        return { lines: (await store.get(userId)).lines };
      },
    },
    {
      path: CART_INTERNAL.removeOrdered,
      callers: ['orders'],
      async handle(body): Promise<RemoveOrderedLinesResponse> {
        const { userId, orderId, lines } = parseInput(removeOrderedLinesRequest, body);
        const { removed, cart } = await store.removeOrderedLines(userId, orderId, lines);
        return { removed, lines: cart.lines };
      },
    },
  ];
}
