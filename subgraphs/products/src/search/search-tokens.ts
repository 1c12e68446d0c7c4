/**
 * Words as the search index sees them: lower-cased NFC letters and digits of any script,
 * English stopwords dropped. See docs/search.md.
 */
export const TYPO_MIN_LENGTH = 5;
const MAX_WORD_LENGTH = 30;

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

/** Distinct words of a text, in order of first appearance. */
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

/** Whether typos are tolerated for this word: 5 letters or more, not Hangul syllables. */
export function allowsTypo(word: string): boolean {
  return word.length >= TYPO_MIN_LENGTH && !isHangul(word);
}

/** Each form of `word` with one character deleted. */
export function deletionForms(word: string): string[] {
  const forms = new Set<string>();
  for (let index = 0; index < word.length; index += 1) {
    forms.add(word.slice(0, index) + word.slice(index + 1));
  }
  return [...forms];
}

/**
 * True when `a` and `b` are at most one edit apart: an insertion, deletion, substitution or a
 * swap of two neighbouring letters (the most common typing slip).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || a.slice(i + 1) === b.slice(i + 1);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Inner substrings of a Hangul word (its suffixes), so `헤드폰` finds `무선헤드폰`. */
export function hangulSuffixes(word: string): string[] {
  if (!isHangul(word)) return [];
  return Array.from({ length: word.length - 1 }, (_, index) => word.slice(index + 1));
}
