import { allowsTypo, deletionForms, hangulSuffixes, withinOneEdit } from './search-tokens';

/** Fields a word can occur in, as bits; an inner (Hangul suffix) occurrence is shifted by 3. */
export const FIELD = { name: 1, tag: 2, description: 4 } as const;
export const INNER_SHIFT = 3;

export type Match = 'exact' | 'prefix' | 'typo';

/**
 * Words → products with the fields each word occurs in. Prefixes are found by binary search in
 * the sorted word list, one-edit typos through a symmetric-delete map verified by an edit
 * distance check.
 */
export class SearchVocabulary {
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly deletions = new Map<string, Set<string>>();
  private sorted: string[] | undefined;

  add(productId: string, word: string, field: number): void {
    this.post(productId, word, field);
    for (const suffix of hangulSuffixes(word)) this.post(productId, suffix, field << INNER_SHIFT);
  }

  private post(productId: string, word: string, bits: number): void {
    let products = this.postings.get(word);
    if (!products) {
      products = new Map();
      this.postings.set(word, products);
      this.sorted = undefined;
      if (allowsTypo(word)) {
        for (const form of deletionForms(word)) {
          const words = this.deletions.get(form) ?? new Set<string>();
          this.deletions.set(form, words.add(word));
        }
      }
    }
    products.set(productId, (products.get(productId) ?? 0) | bits);
  }

  remove(productId: string, word: string): void {
    for (const form of [word, ...hangulSuffixes(word)]) {
      const products = this.postings.get(form);
      products?.delete(productId);
      if (products && products.size === 0) {
        this.postings.delete(form);
        this.sorted = undefined;
      }
    }
  }

  /** Every indexed word matching `word`, with how it matches. */
  matches(word: string): Array<{ word: string; match: Match; products: Map<string, number> }> {
    const found = new Map<string, Match>();
    for (const candidate of this.withPrefix(word)) {
      found.set(candidate, candidate === word ? 'exact' : 'prefix');
    }
    if (allowsTypo(word)) {
      for (const candidate of this.typoCandidates(word)) {
        if (!found.has(candidate)) found.set(candidate, 'typo');
      }
    }
    return [...found].flatMap(([candidate, match]) => {
      const products = this.postings.get(candidate);
      return products ? [{ word: candidate, match, products }] : [];
    });
  }

  private withPrefix(prefix: string): string[] {
    this.sorted ??= [...this.postings.keys()].sort();
    const words = this.sorted;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((words[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const result: string[] = [];
    for (let index = low; index < words.length; index += 1) {
      const candidate = words[index] as string;
      if (!candidate.startsWith(prefix)) break;
      result.push(candidate);
    }
    return result;
  }

  private typoCandidates(word: string): string[] {
    const candidates = new Set<string>(this.deletions.get(word) ?? []);
    for (const form of deletionForms(word)) {
      if (this.postings.has(form)) candidates.add(form);
      for (const candidate of this.deletions.get(form) ?? []) candidates.add(candidate);
    }
    return [...candidates].filter(
      (candidate) => this.postings.has(candidate) && withinOneEdit(word, candidate),
    );
  }
}
