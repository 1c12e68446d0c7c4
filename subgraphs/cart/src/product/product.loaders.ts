import DataLoader from 'dataloader';
import type { ProductSnapshot } from '@shop/contracts';
import { MAX_LOOKUP_IDS, type ProductLookupClient } from './product-lookup.client';

/**
 * Per request: every product a request needs (all lines of a cart, the product of a mutation)
 * is looked up in one internal call per 100 ids.
 */
export function createProductLoaders(lookup: ProductLookupClient) {
  return {
    productById: new DataLoader<string, ProductSnapshot | null>((ids) => lookup.lookup(ids), {
      maxBatchSize: MAX_LOOKUP_IDS,
    }),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
