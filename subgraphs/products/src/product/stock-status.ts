export type StockStatus = 'IN_STOCK' | 'LOW_STOCK' | 'SOLD_OUT';

/** On hand minus reserved, never below zero. */
export function availableQuantity(product: {
  stock: { onHand: number; reserved: number };
}): number {
  return Math.max(0, product.stock.onHand - product.stock.reserved);
}

/** IN_STOCK at `inStockThreshold` or more available units, LOW_STOCK below it, SOLD_OUT at 0. */
export function stockStatusOf(available: number, inStockThreshold: number): StockStatus {
  if (available <= 0) return 'SOLD_OUT';
  return available >= inStockThreshold ? 'IN_STOCK' : 'LOW_STOCK';
}

/** The `stock.available` range of each status, for filters that use the index on it. */
export function availableRangeOf(status: StockStatus, inStockThreshold: number) {
  if (status === 'SOLD_OUT') return { $lte: 0 };
  if (status === 'LOW_STOCK') return { $gte: 1, $lt: inStockThreshold };
  return { $gte: inStockThreshold };
}

/** A product can be bought while it is listed and has a unit not held by anyone. */
export function isPurchasable(product: {
  status: string;
  stock: { onHand: number; reserved: number };
}): boolean {
  return product.status === 'ACTIVE' && availableQuantity(product) > 0;
}
