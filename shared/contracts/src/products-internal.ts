import { z } from 'zod';

/**
 * The products subgraph's internal API, called by cart and orders with a signed request
 * (`InternalClient`), never exposed in the public graph.
 */
export const PRODUCTS_INTERNAL = {
  /** Current price and availability of up to 100 products. */
  lookup: '/products/lookup',
} as const;

/**
 * Where the answer is read from: `record` (the default) reads MongoDB, what checkout prices
 * and reserves from; `readModel` answers from the products process's in-memory catalog, which
 * follows the record within tens of milliseconds (at once for the process's own writes), with no
 * database round trip: for showing products, such as the lines of a cart.
 */
export const productLookupSource = z.enum(['record', 'readModel']);
export type ProductLookupSource = z.infer<typeof productLookupSource>;

export const productLookupRequest = z.object({
  ids: z.array(z.string()).min(1).max(100),
  source: productLookupSource.default('record'),
});
export type ProductLookupRequest = z.input<typeof productLookupRequest>;

export const productSnapshot = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  price: z.object({ amount: z.number().int(), currency: z.string() }),
  status: z.enum(['ACTIVE', 'ARCHIVED']),
  availableQuantity: z.number().int(),
  stockStatus: z.enum(['IN_STOCK', 'LOW_STOCK', 'SOLD_OUT']),
  purchasable: z.boolean(),
  /** The SELLER who lists it; absent for the shop's own products (coupon eligibility, shipping rights). */
  sellerId: z.string().nullish(),
});
export type ProductSnapshot = z.infer<typeof productSnapshot>;

/** Snapshots in request order; null for ids that are unknown. */
export const productLookupResponse = z.object({
  products: z.array(productSnapshot.nullable()),
});
export type ProductLookupResponse = z.infer<typeof productLookupResponse>;
