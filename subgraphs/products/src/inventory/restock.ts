import { Types } from 'mongoose';
import type { RestockRequest, RestockResponse } from '@shop/contracts';
import type { ProductModel } from '../product/product.model';
import { stockEvent } from './stock-holds';

/** The key a product remembers a restock by: one per order and cancellation. */
export const restockKey = (orderId: string, restockId: string) => `${orderId}:${restockId}`;

/**
 * Puts the units of a paid order's cancelled lines back on sale: per product one conditional
 * update that adds them to on-hand and available and remembers the key, matched only while
 * the product does not know the key yet. A retry (a saga step repeated after a crash) adds
 * nothing, and a crash between two lines is finished by the retry. Unknown products are skipped
 * (nothing to give back to), and reported as not applied.
 */
export async function restockLines(
  products: ProductModel,
  request: RestockRequest,
): Promise<RestockResponse> {
  const key = restockKey(request.orderId, request.restockId);
  const lines = [];
  for (const { productId, quantity } of request.lines) {
    const _id = new Types.ObjectId(productId);
    const result = await products.updateOne(
      { _id, restocks: { $ne: key } },
      {
        $inc: { 'stock.onHand': quantity, 'stock.available': quantity },
        $push: {
          restocks: key,
          outbox: stockEvent(_id, 'RESTOCKED', { orderId: request.orderId, quantity }),
        },
      },
    );
    lines.push({ productId, quantity, applied: result.modifiedCount === 1 });
  }
  return { orderId: request.orderId, restockId: request.restockId, lines };
}
