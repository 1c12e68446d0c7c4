import { allowsTypo, hangulSuffixes, withinOneEdit, wordsOf } from './search-tokens';
import { SearchVocabulary } from './search-vocabulary';

describe('search words', () => {
  it('splits Korean and English text into lower-case words without stopwords', () => {
    expect(wordsOf('The Wireless Headphones — 무선 헤드폰, K123!')).toEqual([
      'wireless',
      'headphones',
      '무선',
      '헤드폰',
      'k123',
    ]);
  });

  it.each([
    ['quokka', 'qukka', true],
    ['quokka', 'quokkka', true],
    ['quokka', 'quakka', true],
    ['quokka', 'quokak', true],
    ['quokka', 'qukak', false],
    ['quokka', 'quokka', true],
  ])('%s and %s are within one edit: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });

  it('tolerates typos only in words of 5 or more letters, not Hangul', () => {
    expect([allowsTypo('lamp'), allowsTypo('lamps'), allowsTypo('블루투스스')]).toEqual([
      false,
      true,
      false,
    ]);
    expect(hangulSuffixes('무선헤드폰')).toEqual(['선헤드폰', '헤드폰', '드폰', '폰']);
  });
});

describe('SearchVocabulary', () => {
  it('finds prefixes, whole words, typos and Hangul inner words, and forgets removed ones', () => {
    const vocabulary = new SearchVocabulary();
    vocabulary.add('p1', 'headphones', 1);
    vocabulary.add('p2', '무선헤드폰', 1);
    const found = (word: string) =>
      vocabulary.matches(word).map(({ word: match, match: how }) => `${match}:${how}`);
    expect(found('head')).toEqual(['headphones:prefix']);
    expect(found('headphones')).toEqual(['headphones:exact']);
    expect(found('headphnes')).toEqual(['headphones:typo']);
    expect(found('헤드')).toEqual(['헤드폰:prefix']);
    vocabulary.remove('p1', 'headphones');
    expect(found('head')).toEqual([]);
  });
});
