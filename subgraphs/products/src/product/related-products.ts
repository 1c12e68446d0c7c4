import { boundedCount } from '@shop/pagination';
import type { ProductDocument, ProductModel } from './product.model';
import { LISTING_PROJECTION } from './product-page';

const CANDIDATES = 50;
const MAX_RELATED = 20;

/**
 * Active products related to `product`: same category or shared tags, never itself. Ranked by
 * shared tags plus a bonus for the same category, then popularity, then id. Candidates come
 * from two indexed queries, so the cost does not grow with the catalog.
 */
export async function relatedProducts(
  products: ProductModel,
  product: ProductDocument,
  limit: number,
): Promise<ProductDocument[]> {
  boundedCount(limit, { field: 'limit', min: 0, max: MAX_RELATED });
  if (limit === 0) return [];
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
  const tags = new Set(product.tags);
  const score = (other: ProductDocument) =>
    other.tags.filter((tag) => tags.has(tag)).length +
    (other.categoryId.equals(product.categoryId) ? 2 : 0);
  const unique = new Map(
    [...sameCategory, ...sharedTags].map((row) => [row._id.toHexString(), row]),
  );
  return [...unique.values()]
    .sort(
      (a, b) =>
        score(b) - score(a) ||
        (b.popularity ?? 0) - (a.popularity ?? 0) ||
        a._id.toHexString().localeCompare(b._id.toHexString()),
    )
    .slice(0, limit);
}
