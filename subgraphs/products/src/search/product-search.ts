import type { FilterQuery, PipelineStage } from 'mongoose';
import { BadUserInputError } from '@shop/errors';
import { decodeCursor, encodeCursor } from '../product/product-cursor';
import type { ProductDocument, ProductModel } from '../product/product.model';
import { LISTING_PROJECTION, pageOf, type ProductPage } from '../product/product.service';
import { isHangul, queryKeysOf, wordsOf, type QueryWordKeys } from './search-tokens';

const MAX_QUERY_WORDS = 8;
const RELEVANCE = 'RELEVANCE';
const MAX_SUGGESTIONS = 20;

type Scored = ProductDocument & { _score: number };

function scoreExpression(words: QueryWordKeys[]) {
  const terms = words.flatMap((word) =>
    word.classes.map(({ weight, keys }) => ({
      $cond: [{ $gt: [{ $size: { $setIntersection: ['$searchKeys', keys] } }, 0] }, weight, 0],
    })),
  );
  return { $add: terms };
}

/**
 * Relevance-ranked search over the `searchKeys` multikey index (see docs/search.md): every
 * query word must match (prefix, whole word, or one edit for 5+ letters) in the name, tags or
 * description; the score weighs name above tags above description.
 */
export class ProductSearch {
  constructor(private readonly products: ProductModel) {}

  private wordsOf(terms: string): QueryWordKeys[] {
    return wordsOf(terms).slice(0, MAX_QUERY_WORDS).map(queryKeysOf);
  }

  /** The condition "every word of `terms` matches", to combine with other sorts. */
  matchAll(terms: string): FilterQuery<ProductDocument> {
    const words = this.wordsOf(terms);
    if (!words.length) return {};
    return { $and: words.map((word) => ({ searchKeys: { $in: word.all } })) };
  }

  /** A page of matches, best first, with keyset pagination on `(score, _id)`. */
  async page(
    terms: string,
    query: FilterQuery<ProductDocument>,
    first: number,
    after?: string | null,
  ): Promise<ProductPage> {
    const words = this.wordsOf(terms);
    const match: FilterQuery<ProductDocument> = { ...query, ...this.matchAll(terms) };
    const stages: PipelineStage[] = [
      { $match: match },
      { $addFields: { _score: scoreExpression(words) } },
    ];
    if (after) {
      const { value, id } = decodeCursor(after, RELEVANCE);
      if (typeof value !== 'number') throw new BadUserInputError('Invalid cursor', 'after');
      stages.push({
        $match: { $or: [{ _score: { $lt: value } }, { _score: value, _id: { $gt: id } }] },
      });
    }
    stages.push({ $sort: { _score: -1, _id: 1 } }, { $limit: first + 1 });
    stages.push({ $project: LISTING_PROJECTION });
    const [rows, totalCount] = await Promise.all([
      this.products.aggregate<Scored>(stages),
      this.products.countDocuments(match),
    ]);
    return pageOf(rows, first, totalCount, (row) =>
      encodeCursor({ sort: RELEVANCE, value: row._score, id: row._id }),
    );
  }

  /**
   * Up to `limit` product names completing `prefix` (the last word may be partial), in the
   * prefix's language; names that start with the prefix first, then the most popular.
   */
  async suggest(prefix: string, limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
      throw new BadUserInputError(`limit must be between 1 and ${MAX_SUGGESTIONS}`, 'limit');
    }
    if (prefix.length > 100) throw new BadUserInputError('prefix is too long', 'prefix');
    const words = wordsOf(prefix).slice(0, MAX_QUERY_WORDS);
    if (!words.length) return [];
    const condition = words.map((word) => ({ searchKeys: { $in: [`n:${word}`, `n>${word}`] } }));
    const rows = await this.products
      .find({ status: 'ACTIVE', $and: condition }, { name: 1, nameEn: 1, popularity: 1 })
      .sort({ popularity: -1, _id: 1 })
      .limit(limit * 5)
      .lean();
    const korean = isHangul(prefix);
    const wanted = prefix.trim().toLowerCase();
    const names = rows.map((row) => (korean ? row.name : row.nameEn));
    const ranked = [
      ...names.filter((name) => name.toLowerCase().startsWith(wanted)),
      ...names.filter((name) => !name.toLowerCase().startsWith(wanted)),
    ];
    return [...new Set(ranked)].slice(0, limit);
  }
}
