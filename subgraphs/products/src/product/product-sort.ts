import type { FilterQuery, Types } from 'mongoose';
import type { ProductSort } from '../__generated__/resolvers-types';
import type { ProductDocument } from './product.model';

/**
 * The orders products can be listed in. CATALOG is insertion order (RELEVANCE without a
 * search); RELEVANCE ranks search hits by score.
 */
export type ListingOrder = Exclude<ProductSort, 'RELEVANCE'> | 'CATALOG';
export type SearchOrder = ListingOrder | 'RELEVANCE';

/** A product's values for every order, as the MongoDB listing and the search index both see them. */
export interface SortKeys {
  id: string;
  createdAt: number;
  price: number;
  name: string;
  popularity: number;
}

interface OrderSpec {
  /** The MongoDB field the order sorts on; null: `_id` only. */
  field: 'createdAt' | 'price.amount' | 'name' | 'popularity' | null;
  /** The same value in {@link SortKeys}. */
  key: Exclude<keyof SortKeys, 'id'> | null;
  direction: 1 | -1;
}

/** The one table of orders: every listing and search sorts by it; ties break on the id. */
const ORDERS: Record<ListingOrder, OrderSpec> = {
  CATALOG: { field: null, key: null, direction: 1 },
  NEWEST: { field: 'createdAt', key: 'createdAt', direction: -1 },
  PRICE_ASC: { field: 'price.amount', key: 'price', direction: 1 },
  PRICE_DESC: { field: 'price.amount', key: 'price', direction: -1 },
  NAME_ASC: { field: 'name', key: 'name', direction: 1 },
  POPULAR: { field: 'popularity', key: 'popularity', direction: -1 },
};

/** The order of a request: RELEVANCE (the default) means score when searching, catalog order otherwise. */
export function orderOf(sort: ProductSort | null | undefined, searching: boolean): SearchOrder {
  if (!sort || sort === 'RELEVANCE') return searching ? 'RELEVANCE' : 'CATALOG';
  return sort;
}

export function sortKeysOf(product: ProductDocument): SortKeys {
  return {
    id: product._id.toHexString(),
    createdAt: product.createdAt.getTime(),
    price: product.price.amount,
    name: product.name,
    popularity: product.popularity ?? 0,
  };
}

/** The value a row is sorted by in `order`; the score for RELEVANCE. */
export function sortValueOf(order: SearchOrder, keys: SortKeys, score = 0): string | number | null {
  if (order === 'RELEVANCE') return score;
  const { key } = ORDERS[order];
  return key ? keys[key] : null;
}

/** What a cursor's sort value must be for `order`: a number, a string, or nothing. */
export function sortValueKind(order: SearchOrder): 'number' | 'string' | 'null' {
  if (order === 'RELEVANCE') return 'number';
  const { key } = ORDERS[order];
  if (!key) return 'null';
  return key === 'name' ? 'string' : 'number';
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Compares two rows by `(value, id)` in `order`: negative when `a` comes first. Ties break on
 * the id in the order's direction; RELEVANCE (highest score first) breaks them on ascending
 * ids, like catalog order.
 */
export function compareRows(
  order: SearchOrder,
  a: { value: string | number | null; id: string },
  b: { value: string | number | null; id: string },
): number {
  const direction = order === 'RELEVANCE' ? -1 : ORDERS[order].direction;
  const byValue = compareValues(a.value, b.value) * direction;
  if (byValue) return byValue;
  return compareValues(a.id, b.id) * (order === 'RELEVANCE' ? 1 : direction);
}

/** The MongoDB sort of a listing order: `(key, _id)`. */
export function mongoSortOf(order: ListingOrder): Record<string, 1 | -1> {
  const { field, direction } = ORDERS[order];
  return field ? { [field]: direction, _id: direction } : { _id: direction };
}

/**
 * MongoDB rows strictly after `(value, id)` in `order`: `(key, _id)` compared as a pair, so a
 * page boundary never depends on row counts and inserts elsewhere never shift it.
 */
export function mongoAfter(
  order: ListingOrder,
  value: string | number | null,
  id: Types.ObjectId,
): FilterQuery<ProductDocument> {
  const { field, direction } = ORDERS[order];
  const beyond = direction === 1 ? '$gt' : '$lt';
  if (!field) return { _id: { [beyond]: id } };
  const key = field === 'createdAt' ? new Date(Number(value)) : value;
  return { $or: [{ [field]: { [beyond]: key } }, { [field]: key, _id: { [beyond]: id } }] };
}
