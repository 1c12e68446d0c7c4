import DataLoader from 'dataloader';
import type { ProductLookupSource, ProductSnapshot } from '@shop/contracts';
import { MAX_LOOKUP_IDS, type ProductLookupClient } from './product-lookup.client';

function loaderFrom(lookup: ProductLookupClient, source: ProductLookupSource) {
  return new DataLoader<string, ProductSnapshot | null>((ids) => lookup.lookup(ids, source), {
    maxBatchSize: MAX_LOOKUP_IDS,
  });
}

/**
 * Per request: every product a request needs (all lines of a cart, the product of a mutation)
 * is looked up in one internal call per 100 ids. A change to the cart checks the product's
 * record (`productById`); showing a cart prices its lines from the products read model
 * (`shownProductById`), which spares a database round trip per cart view and follows the
 * record within tens of milliseconds. Checkout prices from the record, in the orders subgraph.
 */
export function createProductLoaders(lookup: ProductLookupClient) {
  return {
    productById: loaderFrom(lookup, 'record'),
    shownProductById: loaderFrom(lookup, 'readModel'),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
