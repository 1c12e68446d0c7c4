import DataLoader from 'dataloader';
import { boundedCount } from '@shop/pagination';
import type { CatalogOrderings } from '../catalog/catalog-orderings';
import type { SearchIndex } from '../search/search-index';
import type { ProductDocument, ProductModel } from './product.model';
import { LISTING_PROJECTION } from './product-page';

const CANDIDATES = 50;
const MAX_RELATED = 20;

/** A request for the products related to `product`. */
export interface RelatedRequest {
  product: ProductDocument;
  limit: number;
}

/**
 * Ranks candidates: shared tags plus a bonus for the same category, then popularity, then id.
 */
function ranked(product: ProductDocument, candidates: ProductDocument[], limit: number) {
  const tags = new Set(product.tags);
  const categoryId = product.categoryId.toHexString();
  // Scores and ids computed once per candidate, not in every comparison of the sort.
  const unique = new Map<string, { row: ProductDocument; score: number; id: string }>();
  for (const row of candidates) {
    const id = row._id.toHexString();
    if (unique.has(id)) continue;
    const score =
      row.tags.filter((tag) => tags.has(tag)).length +
      (row.categoryId.toHexString() === categoryId ? 2 : 0);
    unique.set(id, { row, score, id });
  }
  return [...unique.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.row.popularity ?? 0) - (a.row.popularity ?? 0) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit)
    .map(({ row }) => row);
}

/**
 * Active products related to `product`: same category or shared tags, never itself. The
 * candidates are the 50 most popular of each kind (ties on ascending id), taken from MongoDB
 * with two indexed queries: the path used before the read model is built.
 */
export async function relatedFromDatabase(
  products: ProductModel,
  product: ProductDocument,
  limit: number,
): Promise<ProductDocument[]> {
  const base = { status: 'ACTIVE', _id: { $ne: product._id } };
  const find = (query: object) =>
    products
      .find({ ...base, ...query }, LISTING_PROJECTION)
      .sort({ popularity: -1, _id: 1 })
      .limit(CANDIDATES)
      .lean<ProductDocument[]>();
  const [sameCategory, sharedTags] = await Promise.all([
    find({ categoryId: product.categoryId }),
    product.tags.length ? find({ tags: { $in: product.tags } }) : Promise.resolve([]),
  ]);
  return ranked(product, [...sameCategory, ...sharedTags], limit);
}

/**
 * The same candidates and ranking, from the read model's popularity ordering: one pass that
 * stops once both kinds of candidates are found, and no database round trip.
 */
export function relatedFromMemory(
  orderings: CatalogOrderings,
  product: ProductDocument,
  limit: number,
): ProductDocument[] {
  const sorted = orderings.of('RELATED');
  const id = product._id.toHexString();
  const categoryId = product.categoryId.toHexString();
  const tags = new Set(product.tags);
  const candidates: ProductDocument[] = [];
  let sameCategory = 0;
  let sharedTags = tags.size ? 0 : CANDIDATES;
  for (let index = 0; index < sorted.size; index += 1) {
    if (sameCategory >= CANDIDATES && sharedTags >= CANDIDATES) break;
    const entry = sorted.at(index);
    if (!entry || entry.id === id) continue;
    let candidate = false;
    if (sameCategory < CANDIDATES && entry.categoryId === categoryId) {
      sameCategory += 1;
      candidate = true;
    }
    if (sharedTags < CANDIDATES && entry.tags.some((tag) => tags.has(tag))) {
      sharedTags += 1;
      candidate = true;
    }
    if (candidate) candidates.push(entry.product);
  }
  return ranked(product, candidates, limit);
}

/**
 * Per request: `relatedProducts` of every product in a response, batched into one call that
 * answers them all from the read model, with no database round trip. The first call after a
 * start waits for the read model's build (a few seconds at 100,000 products) rather than send
 * two queries per product; {@link relatedFromDatabase} is the path of one product, kept for
 * callers without a read model.
 */
export function createRelatedLoader(index: SearchIndex, orderings: CatalogOrderings) {
  return new DataLoader<RelatedRequest, ProductDocument[], string>(
    async (requests) => {
      await index.ensureReady();
      return requests.map(({ product, limit }) => relatedFromMemory(orderings, product, limit));
    },
    { cacheKeyFn: ({ product, limit }) => `${product._id.toHexString()}:${limit}` },
  );
}

/** Checks `limit` (0 to 20) before anything is loaded. */
export function relatedLimit(limit: number): number {
  return boundedCount(limit, { field: 'limit', min: 0, max: MAX_RELATED });
}
