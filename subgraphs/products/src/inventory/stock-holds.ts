import { Types } from 'mongoose';
import { stockChanged, type ReservationLine } from '@shop/contracts';
import type { ProductModel } from '../product/product.model';

export type StockChange = 'RESERVED' | 'RELEASED' | 'COMMITTED' | 'SET' | 'RESTOCKED';

/** The `catalog.stock.changed` event a stock update carries into the product's outbox. */
export function stockEvent(
  productId: Types.ObjectId,
  change: StockChange,
  details: { orderId?: string; quantity?: number; onHand?: number; previousOnHand?: number },
) {
  return stockChanged.create({
    productId: productId.toHexString(),
    change,
    ...details,
  });
}

export type HoldOutcome =
  | { kind: 'held' }
  | { kind: 'refused'; reason: 'NOT_FOUND' | 'ARCHIVED' | 'OUT_OF_STOCK'; available: number };

/**
 * Holds `line.quantity` units of one product for an order in one conditional update: it
 * matches only while enough units are available and the order holds none yet, so concurrent
 * callers can never oversell and a retry never holds twice.
 */
export async function placeHold(
  products: ProductModel,
  orderId: string,
  line: ReservationLine,
  expiresAt: Date,
): Promise<HoldOutcome> {
  const _id = new Types.ObjectId(line.productId);
  const { quantity } = line;
  const result = await products.updateOne(
    {
      _id,
      status: 'ACTIVE',
      'stock.available': { $gte: quantity },
      'holds.orderId': { $ne: orderId },
    },
    {
      $inc: { 'stock.available': -quantity, 'stock.reserved': quantity },
      $push: {
        holds: { orderId, quantity, expiresAt },
        outbox: stockEvent(_id, 'RESERVED', { orderId, quantity }),
      },
    },
  );
  if (result.modifiedCount === 1) return { kind: 'held' };
  return explainMissedHold(products, orderId, _id);
}

async function explainMissedHold(
  products: ProductModel,
  orderId: string,
  _id: Types.ObjectId,
): Promise<HoldOutcome> {
  const product = await products.findById(_id, { status: 1, stock: 1, holds: 1 }).lean();
  if (!product) return { kind: 'refused', reason: 'NOT_FOUND', available: 0 };
  if (product.holds?.some((hold) => hold.orderId === orderId)) return { kind: 'held' };
  const available = Math.max(0, product.stock.onHand - product.stock.reserved);
  if (product.status !== 'ACTIVE') return { kind: 'refused', reason: 'ARCHIVED', available };
  return { kind: 'refused', reason: 'OUT_OF_STOCK', available };
}

/**
 * Ends an order's hold on one product: `release` returns the units to sale, `commit` removes
 * them from on-hand (they left with the order). A no-op when the order holds nothing there,
 * which makes both safe to repeat.
 */
export async function endHold(
  products: ProductModel,
  orderId: string,
  line: ReservationLine,
  how: 'release' | 'commit',
): Promise<boolean> {
  const _id = new Types.ObjectId(line.productId);
  const { quantity } = line;
  const inc =
    how === 'release'
      ? { 'stock.available': quantity, 'stock.reserved': -quantity }
      : { 'stock.onHand': -quantity, 'stock.reserved': -quantity };
  const change: StockChange = how === 'release' ? 'RELEASED' : 'COMMITTED';
  const result = await products.updateOne(
    { _id, holds: { $elemMatch: { orderId, quantity } } },
    {
      $inc: inc,
      $pull: { holds: { orderId } },
      $push: { outbox: stockEvent(_id, change, { orderId, quantity }) },
    },
  );
  return result.modifiedCount === 1;
}
