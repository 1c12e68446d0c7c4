import type { ProductDocument } from './product.model';

export type StockStatus = 'IN_STOCK' | 'LOW_STOCK' | 'SOLD_OUT';

export function availableQuantity(product: Pick<ProductDocument, 'stock'>): number {
  return Math.max(0, product.stock.onHand - product.stock.reserved);
}

/** IN_STOCK at `inStockThreshold` or more available units, LOW_STOCK below it, SOLD_OUT at 0. */
export function stockStatusOf(available: number, inStockThreshold: number): StockStatus {
  if (available <= 0) return 'SOLD_OUT';
  return available >= inStockThreshold ? 'IN_STOCK' : 'LOW_STOCK';
}
