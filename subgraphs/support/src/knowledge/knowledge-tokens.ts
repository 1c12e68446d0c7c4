/**
 * Search terms of the knowledge base, Korean and English, without a full-text engine (the local
 * MongoDB-compatible server has no `$text`): an article stores the terms below in an indexed
 * array, a query is cut the same way, and articles are ranked by how many query terms they hold.
 *
 * - Korean words become character bigrams, so a word is found inside compounds and before
 *   particles: `환불` matches `환불요청`, `환불을`, `부분환불`.
 * - English words are reduced to a light stem (`refunds`, `refunded` → `refund`) and an article
 *   also stores each prefix of its words from three letters on, so `refu` and `charging` (stem
 *   `charg`) both find `charge`.
 */
const HANGUL = /[\uac00-\ud7a3]/;
const MIN_PREFIX = 3;
const MAX_PREFIX = 20;
const ENGLISH_STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'in',
  'on',
  'to',
  'is',
  'it',
  'my',
  'i',
]);
const SUFFIXES = ['ing', 'ed', 'es', 's', 'ly'];

function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !ENGLISH_STOPWORDS.has(word));
}

/** Character pairs of a Korean word; a one-syllable word is its own term. */
export function bigrams(word: string): string[] {
  if (word.length < 2) return [word];
  return Array.from({ length: word.length - 1 }, (_, index) => word.slice(index, index + 2));
}

/** A light English stem: one common suffix off, keeping at least three letters. */
export function stem(word: string): string {
  const suffix = SUFFIXES.find(
    (end) => word.endsWith(end) && word.length - end.length >= MIN_PREFIX,
  );
  return suffix ? word.slice(0, -suffix.length) : word;
}

function prefixes(word: string): string[] {
  const longest = Math.min(word.length, MAX_PREFIX);
  return Array.from({ length: Math.max(0, longest - MIN_PREFIX + 1) }, (_, index) =>
    word.slice(0, MIN_PREFIX + index),
  );
}

/** The terms an article is found by. */
export function articleTerms(text: string): string[] {
  const terms = wordsOf(text).flatMap((word) =>
    HANGUL.test(word) ? bigrams(word) : [word, stem(word), ...prefixes(word)],
  );
  return [...new Set(terms)];
}

/** The terms of a search query, each to be found among an article's terms. */
export function queryTerms(text: string): string[] {
  const terms = wordsOf(text).flatMap((word) => (HANGUL.test(word) ? bigrams(word) : [stem(word)]));
  return [...new Set(terms)];
}
