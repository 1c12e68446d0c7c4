import type { FilterQuery } from 'mongoose';
import type { ProductSort } from '../__generated__/resolvers-types';
import type { CursorPosition } from './product-cursor';
import type { ProductDocument } from './product.model';

/** Listing orders: the sort key (null: id only) and direction; ties break on `_id`. */
export type ListingOrder = Exclude<ProductSort, 'RELEVANCE'> | 'CATALOG';

interface OrderSpec {
  field: 'createdAt' | 'price.amount' | 'name' | 'popularity' | null;
  direction: 1 | -1;
}

const ORDERS: Record<ListingOrder, OrderSpec> = {
  CATALOG: { field: null, direction: 1 },
  NEWEST: { field: 'createdAt', direction: -1 },
  PRICE_ASC: { field: 'price.amount', direction: 1 },
  PRICE_DESC: { field: 'price.amount', direction: -1 },
  NAME_ASC: { field: 'name', direction: 1 },
  POPULAR: { field: 'popularity', direction: -1 },
};

/** The order a listing uses: RELEVANCE without a search means catalog (insertion) order. */
export function listingOrderOf(sort: ProductSort | null | undefined): ListingOrder {
  return !sort || sort === 'RELEVANCE' ? 'CATALOG' : sort;
}

export function sortOf(order: ListingOrder): Record<string, 1 | -1> {
  const { field, direction } = ORDERS[order];
  return field ? { [field]: direction, _id: direction } : { _id: direction };
}

function valueAt(product: ProductDocument, field: OrderSpec['field']): string | number | null {
  if (field === 'createdAt') return product.createdAt.getTime();
  if (field === 'price.amount') return product.price.amount;
  if (field === 'name') return product.name;
  if (field === 'popularity') return product.popularity ?? 0;
  return null;
}

export function positionOf(order: ListingOrder, product: ProductDocument): CursorPosition {
  return { sort: order, value: valueAt(product, ORDERS[order].field), id: product._id };
}

/**
 * Rows strictly after `position` in `order`: `(key, _id)` compared as a pair, so a page
 * boundary never depends on row counts and inserts elsewhere never shift it.
 */
export function afterPosition(
  order: ListingOrder,
  position: CursorPosition,
): FilterQuery<ProductDocument> {
  const { field, direction } = ORDERS[order];
  const beyond = direction === 1 ? '$gt' : '$lt';
  if (!field) return { _id: { [beyond]: position.id } };
  const value = field === 'createdAt' ? new Date(Number(position.value)) : position.value;
  return {
    $or: [{ [field]: { [beyond]: value } }, { [field]: value, _id: { [beyond]: position.id } }],
  };
}
