import { parseInput } from '@shop/errors';
import { boundedCount } from '@shop/pagination';
import { z } from 'zod';
import type { InquiryModel } from '../inquiry/inquiry.model';
import { INQUIRY_CATEGORIES } from '../inquiry/inquiry-vocabulary';
import type { KnowledgeArticleDocument, KnowledgeArticleModel } from './knowledge-article.model';
import { articleTerms, queryTerms } from './knowledge-tokens';

/** Articles holding a query term that are ranked in process; the best of them are answered. */
const CANDIDATES = 500;
const DUPLICATE_KEY = 11_000;

const searchInput = z.object({
  query: z.string().trim().max(200).nullish(),
  category: z.enum(INQUIRY_CATEGORIES).nullish(),
});

/** Title matches count twice: a question worded like the title is most likely the same one. */
function scoreOf(article: KnowledgeArticleDocument, terms: readonly string[]): number {
  const body = new Set(article.terms);
  const title = new Set(article.titleTerms);
  return terms.reduce(
    (score, term) => score + (body.has(term) ? 1 : 0) + (title.has(term) ? 1 : 0),
    0,
  );
}

/**
 * Seed 001, 지식 베이스 업데이트: resolutions agents chose to publish, searchable in Korean and
 * English (see `knowledge-tokens.ts` for how words are matched).
 */
export class KnowledgeService {
  constructor(
    private readonly articles: KnowledgeArticleModel,
    private readonly inquiries: InquiryModel,
  ) {}

  /**
   * Articles matching `query` (best first: most query terms matched, title matches double,
   * then newest), or the newest ones without a query; optionally of one category. Public:
   * the knowledge base is the customers' self-service help as much as the agents'.
   */
  async search(
    query?: string | null,
    category?: string | null,
    first?: number | null,
  ): Promise<KnowledgeArticleDocument[]> {
    const input = parseInput(searchInput, { query, category });
    const count = boundedCount(first, { fallback: 10, max: 50 });
    const where = input.category ? { category: input.category } : {};
    if (!input.query) {
      return this.articles
        .find(where)
        .sort({ createdAt: -1, _id: -1 })
        .limit(count)
        .lean<KnowledgeArticleDocument[]>();
    }
    const terms = queryTerms(input.query);
    if (!terms.length) return [];
    const candidates = await this.articles
      .find({ ...where, terms: { $in: terms } })
      .limit(CANDIDATES)
      .lean<KnowledgeArticleDocument[]>();
    return candidates
      .map((article) => ({ article, score: scoreOf(article, terms) }))
      .sort(
        (a, b) =>
          b.score - a.score || b.article.createdAt.getTime() - a.article.createdAt.getTime(),
      )
      .slice(0, count)
      .map(({ article }) => article);
  }

  /**
   * Makes the resolution of a resolved inquiry an article, once: repeated calls (the relay
   * delivers at least once) find it there already.
   */
  async publish(inquiryId: string, authorId: string): Promise<void> {
    const inquiry = await this.inquiries
      .findById(inquiryId, { subject: 1, resolution: 1, category: 1, resolvedAt: 1 })
      .lean();
    if (!inquiry?.resolution) return;
    const article = {
      inquiryId,
      title: inquiry.subject,
      body: inquiry.resolution,
      category: inquiry.category,
      terms: articleTerms(`${inquiry.subject}\n${inquiry.resolution}`),
      titleTerms: articleTerms(inquiry.subject),
      authorId,
    };
    try {
      await this.articles.updateOne({ inquiryId }, { $setOnInsert: article }, { upsert: true });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}
