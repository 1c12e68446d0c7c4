import type { Logger } from '@shop/logger';
import type { Redis } from '@shop/redis';
import type { ProductDocument, ProductModel } from '../product/product.model';
import { ENTRY_PROJECTION, entryOf, indexedWords, type SearchEntry } from './search-entry';
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

/** A products model on a connection of its own, opened on first use, for whole-catalog reads. */
export interface BulkReads {
  model(): Promise<ProductModel>;
  close(): Promise<void>;
}

/** One product's change as the read model saw it: absent before (created) or after (deleted). */
export interface EntryChange {
  previous: SearchEntry | undefined;
  next: SearchEntry | undefined;
}

/** Structures kept beside the index (the listing's sorted orderings) and told of every change. */
export interface IndexObserver {
  /** The index was replaced by a fresh read of every product. */
  rebuilt(entries: ReadonlyMap<string, SearchEntry>): void;
  /** These products changed, in one batch. */
  changed(changes: readonly EntryChange[], entries: ReadonlyMap<string, SearchEntry>): void;
}

/**
 * The catalog's in-process read model and search index, held in each products process (see
 * docs/search.md and docs/performance.md): built from MongoDB on first use, then kept current
 * by change notifications on a Redis channel that every process publishes product ids to after
 * it changes them, and rebuilt periodically.
 */
export class SearchIndex {
  private entries = new Map<string, SearchEntry>();
  private vocabulary = new SearchVocabulary();
  private ready: Promise<void> | undefined;
  private built = false;
  private readonly observers: IndexObserver[] = [];
  /** Bumped on every change, so caches of derived answers know when they are stale. */
  private changeCount = 0;
  private pending = new Set<string>();
  private flushing: Promise<void> | undefined;
  private subscriber: Redis | undefined;

  constructor(
    private readonly products: ProductModel,
    private readonly channel: string,
    private readonly logger: Logger,
    /**
     * Where a full build reads every product: a connection whose socket timeout allows one
     * round trip to carry a large batch (mongo-java-server answers a whole-collection find in
     * one go); the request connection's 2 s would cut a 100,000-product build short.
     */
    private readonly bulk?: BulkReads,
  ) {}

  /** Adds a structure that follows the index; it is told of the current state at once. */
  observe(observer: IndexObserver): void {
    this.observers.push(observer);
    if (this.built) observer.rebuilt(this.entries);
  }

  /** True once the first build finished: readers may answer from memory. */
  get isReady(): boolean {
    return this.built;
  }

  /** Changes so far; equal values mean nothing changed in between. */
  get generation(): number {
    return this.changeCount;
  }

  /** Starts the first build without waiting for it; readers fall back to MongoDB meanwhile. */
  warm(): void {
    this.ensureReady().catch((err: unknown) =>
      this.logger.error({ err }, 'catalog read model build failed'),
    );
  }

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
    const products = (await this.bulk?.model()) ?? this.products;
    const cursor = products
      .find({}, ENTRY_PROJECTION)
      .lean<ProductDocument>()
      // Small batches: each round trip stays well under the 2 s socket timeout on a busy server.
      .cursor({ batchSize: 500 });
    for await (const product of cursor) {
      const entry = entryOf(product as ProductDocument);
      entries.set(entry.id, entry);
      for (const [word, bits] of indexedWords(entry.product)) vocabulary.add(entry.id, word, bits);
    }
    this.entries = entries;
    this.vocabulary = vocabulary;
    this.built = true;
    this.changeCount += 1;
    for (const observer of this.observers) observer.rebuilt(entries);
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
    await this.bulk?.close();
  }

  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    if (!this.ready) return;
    await this.ready;
    await this.refresh(ids);
  }

  /**
   * Re-reads the products this process just changed, so its own next read sees the write (other
   * processes follow through the channel a moment later). Nothing to do before the first build.
   */
  async refreshIfBuilt(ids: string[]): Promise<void> {
    if (this.built && ids.length) await this.refresh(ids);
  }

  /** Re-reads the given products and updates their entries (removing deleted ones). */
  async refresh(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const found = await this.products
      .find({ _id: { $in: unique } }, ENTRY_PROJECTION)
      .lean<ProductDocument[]>();
    const byId = new Map(found.map((product) => [product._id.toHexString(), product]));
    const changes: EntryChange[] = [];
    for (const id of unique) {
      const previous = this.entries.get(id);
      if (previous) {
        for (const word of indexedWords(previous.product).keys()) this.vocabulary.remove(id, word);
      }
      this.entries.delete(id);
      const product = byId.get(id);
      const next = product ? entryOf(product) : undefined;
      if (next) {
        this.entries.set(id, next);
        for (const [word, bits] of indexedWords(next.product)) this.vocabulary.add(id, word, bits);
      }
      changes.push({ previous, next });
    }
    this.changeCount += 1;
    for (const observer of this.observers) observer.changed(changes, this.entries);
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
