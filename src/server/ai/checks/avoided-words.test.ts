import { describe, expect, it } from 'vitest';
import { createAvoidedWordMatcher } from './avoided-words.js';

const found = (words: string[], language: string, text: string) =>
  createAvoidedWordMatcher(words, language)
    .find(text)
    .map((match) => match.found);

describe('avoided words: inflections', () => {
  it.each([
    ['en', 'cheap', 'Cheaper and the cheapest, cheaply made', ['Cheaper', 'cheapest', 'cheaply']],
    [
      'en',
      'guarantee',
      'Guaranteed fresh, we guarantee it, guarantees apply',
      ['Guaranteed', 'guarantee', 'guarantees'],
    ],
    ['en', 'scam', 'Not a scam, no scams, never scammed', ['scam', 'scams', 'scammed']],
    ['de', 'billig', 'Ein billiges Brot, billiger geht es nicht', ['billiges', 'billiger']],
    ['de', 'Garantie', 'Garantiert frisch mit Garantien', ['Garantiert', 'Garantien']],
    ['es', 'barato', 'Panes baratos y una barata oferta', ['baratos', 'barata']],
    ['fr', 'garanti', 'Pain garantie, produits garantis', ['garantie', 'garantis']],
    ['pt', 'barato', 'Pães baratos, baratíssimo', ['baratos', 'baratíssimo']],
    ['it', 'economico', 'Pane economici, economica', ['economici', 'economica']],
    ['nl', 'goedkoop', 'Goedkope broden, goedkoper dan ooit', ['Goedkope', 'goedkoper']],
  ])('%s: "%s" catches its forms', (language, word, text, expected) => {
    expect(found([word], language, text)).toEqual(expected);
  });

  it('matches case- and accent-insensitively and reports the brand’s spelling', () => {
    const [match] = createAvoidedWordMatcher(['günstig'], 'de').find('So GUNSTIG wie nie');
    expect(match).toMatchObject({ word: 'günstig', found: 'GUNSTIG', index: 3, kind: 'word' });
  });

  it('finds phrases in any form, across spaces and hyphens, and glued in hashtags', () => {
    expect(found(['super cheap'], 'en', 'Super cheaper deals, super-cheap bread, #SuperCheap')).toEqual([
      'Super cheaper',
      'super-cheap',
      'SuperCheap',
    ]);
    expect(found(['super cheap'], 'en', 'Super tasty and cheap')).toEqual([]);
  });
});

describe('avoided words: compounds', () => {
  it('finds a word inside German and Dutch compounds in running text', () => {
    expect(found(['billig'], 'de', 'Unser Billigangebot und das Superbillig-Brot')).toEqual([
      'Billigangebot',
      'Superbillig',
    ]);
    expect(found(['Garantie'], 'de', 'Mit Tiefpreisgarantie')).toEqual(['Tiefpreisgarantie']);
    expect(found(['goedkoop'], 'nl', 'De goedkoopste supergoedkoopbrood')).toEqual([
      'goedkoopste',
      'supergoedkoopbrood',
    ]);
  });

  it('finds a word in hashtags in every language, CamelCase or glued', () => {
    expect(found(['cheap'], 'en', 'Try #CheapEats and #cheapeats and #eatcheap')).toEqual([
      'Cheap',
      'cheapeats',
      'eatcheap',
    ]);
    expect(found(['barato'], 'es', '#PanBarato hoy')).toEqual(['Barato']);
  });

  it('leaves words that only start like an avoided word alone', () => {
    expect(found(['scam'], 'en', 'Watch the puppies scamper off for scampi')).toEqual([]);
    expect(found(['free'], 'en', 'Freedom to choose, #freedom')).toEqual([]);
    expect(found(['cheap'], 'en', 'A cheapskate would never')).toEqual([]);
    expect(found(['billig'], 'de', 'Das ist unbillig')).toEqual([]);
    expect(found(['art'], 'de', 'Die Kunstart')).toEqual([]);
  });

  it('does not glue English words in running text', () => {
    expect(found(['cheap'], 'en', 'Our cheapeats menu')).toEqual([]);
  });
});

describe('avoided words: the matcher', () => {
  it('answers has and wordsIn, and nothing for no words or empty text', () => {
    const matcher = createAvoidedWordMatcher(['cheap', 'guarantee', '  '], 'en');
    expect(matcher.has('Guaranteed!')).toBe(true);
    expect(matcher.wordsIn('Cheap, cheaper, guaranteed')).toEqual(['cheap', 'guarantee']);
    expect(createAvoidedWordMatcher([], 'en').find('cheap')).toEqual([]);
    expect(matcher.find('')).toEqual([]);
  });

  it('works for a language without a stemmer by words and hashtags', () => {
    expect(found(['cheap'], 'ja', 'cheap #CheapEats cheaper')).toEqual(['cheap', 'Cheap']);
  });
});
