/**
 * Search keys stored on each product in one multikey-indexed array, so search runs as plain
 * `$in` lookups on any MongoDB-compatible server (no `$text`). See docs/search.md.
 *
 * Key shapes, per field `f` (`n` name, `t` tags, `d` description):
 * - `f:word`  the whole word;
 * - `f>pre`   a proper prefix of a word (edge grams), and for Hangul words every inner
 *             substring too, so `헤드폰` finds `무선헤드폰`;
 * - `f~form`  the word and each form with one letter deleted, for words of 5+ letters
 *             (name and tags only): two words one edit apart share a form (symmetric delete).
 */
export type SearchField = 'n' | 't' | 'd';

export const TYPO_MIN_LENGTH = 5;
const MAX_WORD_LENGTH = 30;
const MIN_LATIN_PREFIX = 2;

const ENGLISH_STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'from',
  'in',
  'on',
  'with',
  'to',
  'by',
  'at',
  'is',
  'it',
]);

const HANGUL = /[\uac00-\ud7a3]/;

/** Lower-cased words of a text: letters and digits of any script, stopwords dropped. */
export function wordsOf(text: string): string[] {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !ENGLISH_STOPWORDS.has(word))
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)];
}

export function isHangul(word: string): boolean {
  return HANGUL.test(word);
}

/** Each form of `word` with one character deleted. */
export function deletionForms(word: string): string[] {
  const forms = new Set<string>();
  for (let index = 0; index < word.length; index += 1) {
    forms.add(word.slice(0, index) + word.slice(index + 1));
  }
  return [...forms];
}

function partialKeys(field: SearchField, word: string): string[] {
  const keys: string[] = [];
  const minimum = isHangul(word) ? 1 : MIN_LATIN_PREFIX;
  for (let end = minimum; end < word.length; end += 1) keys.push(`${field}>${word.slice(0, end)}`);
  if (isHangul(word)) {
    for (let start = 1; start < word.length; start += 1) {
      for (let end = start + 1; end <= word.length; end += 1) {
        keys.push(`${field}>${word.slice(start, end)}`);
      }
    }
  }
  return keys;
}

function wordKeys(field: SearchField, word: string): string[] {
  const keys = [`${field}:${word}`, ...partialKeys(field, word)];
  if (field !== 'd' && word.length >= TYPO_MIN_LENGTH && !isHangul(word)) {
    keys.push(`${field}~${word}`, ...deletionForms(word).map((form) => `${field}~${form}`));
  }
  return keys;
}

export interface SearchableText {
  names: string[];
  tags: string[];
  descriptions: string[];
}

/** Every search key of a product; a word indexed in a stronger field is not repeated below. */
export function searchKeysOf(text: SearchableText): string[] {
  const nameWords = new Set(text.names.flatMap(wordsOf));
  const tagWords = new Set(text.tags.flatMap(wordsOf).filter((word) => !nameWords.has(word)));
  const descriptionWords = text.descriptions
    .flatMap(wordsOf)
    .filter((word) => !nameWords.has(word) && !tagWords.has(word));
  const keys = [
    ...[...nameWords].flatMap((word) => wordKeys('n', word)),
    ...[...tagWords].flatMap((word) => wordKeys('t', word)),
    ...descriptionWords.flatMap((word) => wordKeys('d', word)),
  ];
  return [...new Set(keys)];
}

/** Lookup keys of one query word, grouped by the weight a match earns. */
export interface QueryWordKeys {
  word: string;
  /** Weight → keys; a product's score adds the weight of every key class it matches. */
  classes: Array<{ weight: number; keys: string[] }>;
  all: string[];
}

const WEIGHTS: Record<SearchField, { exact: number; prefix: number; typo: number }> = {
  n: { exact: 100, prefix: 60, typo: 30 },
  t: { exact: 20, prefix: 12, typo: 6 },
  d: { exact: 4, prefix: 2, typo: 0 },
};

/** The keys a query word is looked up with: exact, prefix and, for 5+ letters, one-edit forms. */
export function queryKeysOf(word: string): QueryWordKeys {
  const typoForms =
    word.length >= TYPO_MIN_LENGTH && !isHangul(word) ? [word, ...deletionForms(word)] : [];
  const classes = (['n', 't', 'd'] as const).flatMap((field) => {
    const weight = WEIGHTS[field];
    const list = [
      { weight: weight.exact, keys: [`${field}:${word}`] },
      { weight: weight.prefix, keys: [`${field}>${word}`] },
    ];
    if (field !== 'd' && typoForms.length) {
      list.push({ weight: weight.typo, keys: typoForms.map((form) => `${field}~${form}`) });
    }
    return list;
  });
  return { word, classes, all: classes.flatMap((entry) => entry.keys) };
}
