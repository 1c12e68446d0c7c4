import type { Logger } from '@shop/logger';
import type { Redis } from '@shop/redis';
import type { ProductModel } from '../product/product.model';
import { ENTRY_PROJECTION, entryOf, type SearchEntry } from './search-entry';
import { wordsOf } from './search-tokens';
import { FIELD, INNER_SHIFT, SearchVocabulary, type Match } from './search-vocabulary';

const MAX_QUERY_WORDS = 8;
const BATCH_DELAY_MS = 20;

const WEIGHTS: Record<'name' | 'tag' | 'description', Record<Match, number>> = {
  name: { exact: 100, prefix: 60, typo: 30 },
  tag: { exact: 20, prefix: 12, typo: 6 },
  description: { exact: 4, prefix: 2, typo: 1 },
};

/** The score one word earns in one product: the best match per field, summed over fields. */
function wordScore(bits: number, match: Match, fields = Object.keys(FIELD)): number {
  let score = 0;
  for (const field of fields as Array<keyof typeof FIELD>) {
    const bit = FIELD[field];
    if (bits & bit) score += WEIGHTS[field][match];
    else if (bits & (bit << INNER_SHIFT))
      score += WEIGHTS[field][match === 'typo' ? 'typo' : 'prefix'];
  }
  return score;
}

/**
 * The catalog's search index, held in each products process (see docs/search.md): built from
 * MongoDB on first use, then kept current by change notifications on a Redis channel that
 * every process publishes product ids to after it changes them, and rebuilt periodically.
 */
export class SearchIndex {
  private entries = new Map<string, SearchEntry>();
  private vocabulary = new SearchVocabulary();
  private ready: Promise<void> | undefined;
  private pending = new Set<string>();
  private flushing: Promise<void> | undefined;
  private subscriber: Redis | undefined;

  constructor(
    private readonly products: ProductModel,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  /** Builds the index once; concurrent callers wait for the same build. */
  ensureReady(): Promise<void> {
    this.ready ??= this.rebuild().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Rebuilds an index that was built before, healing any change notification it missed. */
  async resync(): Promise<void> {
    if (this.ready) await this.rebuild();
  }

  /** Replaces the index with a fresh one read from MongoDB. */
  async rebuild(): Promise<void> {
    const entries = new Map<string, SearchEntry>();
    const vocabulary = new SearchVocabulary();
    const cursor = this.products.find({}, ENTRY_PROJECTION).lean().cursor({ batchSize: 2_000 });
    for await (const product of cursor) {
      const entry = entryOf(product);
      entries.set(entry.id, entry);
      for (const [word, bits] of entry.words) vocabulary.add(entry.id, word, bits);
    }
    this.entries = entries;
    this.vocabulary = vocabulary;
  }

  /** Listens for changed product ids on the channel (a dedicated Redis connection). */
  async subscribe(redis: Redis): Promise<void> {
    this.subscriber = redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => {
      for (const id of JSON.parse(message) as string[]) this.pending.add(id);
      this.flushing ??= new Promise((resolve) => setTimeout(resolve, BATCH_DELAY_MS))
        .then(() => this.flush())
        .catch((err: unknown) => this.logger.error({ err }, 'search index update failed'))
        .finally(() => {
          this.flushing = undefined;
          // Ids that arrived during the flush wait for the next message otherwise.
          if (this.pending.size) this.subscriber?.emit('message', this.channel, '[]');
        });
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.subscriber?.quit().catch(() => undefined);
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    if (!this.ready) return;
    await this.ready;
    await this.refresh(ids);
  }

  /** Re-reads the given products and updates their entries (removing deleted ones). */
  async refresh(ids: string[]): Promise<void> {
    const found = await this.products.find({ _id: { $in: ids } }, ENTRY_PROJECTION).lean();
    const byId = new Map(found.map((product) => [product._id.toHexString(), product]));
    for (const id of ids) {
      const previous = this.entries.get(id);
      if (previous) for (const word of previous.words.keys()) this.vocabulary.remove(id, word);
      this.entries.delete(id);
      const product = byId.get(id);
      if (!product) continue;
      const entry = entryOf(product);
      this.entries.set(id, entry);
      for (const [word, bits] of entry.words) this.vocabulary.add(id, word, bits);
    }
  }

  /**
   * Products matching every word of `terms` (prefix, whole word, or one edit for words of 5+
   * letters) with their relevance: name above tags above description.
   */
  score(terms: string, fields?: Array<keyof typeof FIELD>): Map<string, number> {
    const words = wordsOf(terms).slice(0, MAX_QUERY_WORDS);
    let total: Map<string, number> | undefined;
    for (const word of words) {
      const scores = new Map<string, number>();
      for (const { match, products } of this.vocabulary.matches(word)) {
        for (const [id, bits] of products) {
          const score = wordScore(bits, match, fields);
          if (score > (scores.get(id) ?? 0)) scores.set(id, score);
        }
      }
      if (!total) total = scores;
      else {
        for (const [id, score] of total) {
          const more = scores.get(id);
          if (more) total.set(id, score + more);
          else total.delete(id);
        }
      }
    }
    return total ?? new Map();
  }

  entry(id: string): SearchEntry | undefined {
    return this.entries.get(id);
  }
}
