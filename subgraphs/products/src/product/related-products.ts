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

/** What the ranking reads of a candidate; read-model entries have it precomputed. */
interface Candidate {
  id: string;
  categoryId: string;
  tags: readonly string[];
  popularity: number;
  product: ProductDocument;
}

function candidateOf(product: ProductDocument): Candidate {
  return {
    id: product._id.toHexString(),
    categoryId: product.categoryId.toHexString(),
    tags: product.tags,
    popularity: product.popularity ?? 0,
    product,
  };
}

/** Ranks candidates: shared tags plus a bonus for the same category, then popularity, then id. */
function ranked(product: ProductDocument, candidates: Candidate[], limit: number) {
  const tags = new Set(product.tags);
  const categoryId = product.categoryId.toHexString();
  const unique = new Map<string, { candidate: Candidate; score: number }>();
  for (const candidate of candidates) {
    if (unique.has(candidate.id)) continue;
    let score = candidate.categoryId === categoryId ? 2 : 0;
    for (const tag of candidate.tags) if (tags.has(tag)) score += 1;
    unique.set(candidate.id, { candidate, score });
  }
  return [...unique.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.popularity - a.candidate.popularity ||
        (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate.product);
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
  return ranked(product, [...sameCategory, ...sharedTags].map(candidateOf), limit);
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
  const candidates: Candidate[] = [];
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
    if (sharedTags < CANDIDATES && sharesTag(entry.tags, tags)) {
      sharedTags += 1;
      candidate = true;
    }
    if (candidate) candidates.push(entry);
  }
  return ranked(product, candidates, limit);
}

function sharesTag(candidateTags: readonly string[], tags: Set<string>): boolean {
  for (const tag of candidateTags) if (tags.has(tag)) return true;
  return false;
}

/** Products whose related lists are remembered at once; beyond it the memory starts over. */
const REMEMBERED = 20_000;

/**
 * Related products from the read model, remembered per product and limit until the catalog
 * next changes: a storefront asks for the same products' related lists over and over, and
 * they can only change when some product does.
 */
export class RelatedProducts {
  private readonly remembered = new Map<string, { generation: number; rows: ProductDocument[] }>();

  constructor(
    private readonly index: SearchIndex,
    private readonly orderings: CatalogOrderings,
  ) {}

  /**
   * `relatedProducts` of each request, from memory, with no database round trip. The first
   * call after a start waits for the read model's build (seconds at 100,000 products) rather
   * than send two queries per product.
   */
  async of(requests: readonly RelatedRequest[]): Promise<ProductDocument[][]> {
    await this.index.ensureReady();
    const generation = this.index.generation;
    return requests.map(({ product, limit }) => {
      const key = `${product._id.toHexString()}:${limit}`;
      const known = this.remembered.get(key);
      if (known?.generation === generation) return known.rows;
      const rows = relatedFromMemory(this.orderings, product, limit);
      if (this.remembered.size >= REMEMBERED) this.remembered.clear();
      this.remembered.set(key, { generation, rows });
      return rows;
    });
  }
}

/** Per request: every `relatedProducts` of a response in one batch. */
export function createRelatedLoader(related: RelatedProducts) {
  return new DataLoader<RelatedRequest, ProductDocument[], string>(
    (requests) => related.of(requests),
    { cacheKeyFn: ({ product, limit }) => `${product._id.toHexString()}:${limit}` },
  );
}

/** Checks `limit` (0 to 20) before anything is loaded. */
export function relatedLimit(limit: number): number {
  return boundedCount(limit, { field: 'limit', min: 0, max: MAX_RELATED });
}
