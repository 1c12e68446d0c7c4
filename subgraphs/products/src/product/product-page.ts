import type { Connection } from '@shop/pagination';
import type { ProductFilter, ProductSort } from '../__generated__/resolvers-types';
import type { ProductDocument } from './product.model';

/** A page of the `products` connection. */
export type ProductPage = Connection<ProductDocument>;

/** The arguments of a listing or search. */
export interface ListArgs {
  filter?: ProductFilter | null;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
}

/** Fields a listing never needs: stock holds and pending events. */
export const LISTING_PROJECTION = { holds: 0, outbox: 0 } as const;
