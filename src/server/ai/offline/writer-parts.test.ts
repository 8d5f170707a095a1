import { describe, expect, it } from 'vitest';
import { focusFor, topicOf } from './business-facts.js';
import { deriveHashtags } from './hashtags.js';
import { EN } from './phrasebank/en.js';
import { createRandom, hashSeed } from './prng.js';
import { SAMPLE_BAKERY } from './sample-business.js';
import { keywordsOf, splitSentences } from './text-tools.js';
import { contract, describeTone, expandContractions } from './voice.js';
import { withoutWordsToAvoid } from './writer.js';

describe('prng', () => {
  it('repeats for the same seed and differs between seeds', () => {
    const a = createRandom(hashSeed('x', 1));
    const b = createRandom(hashSeed('x', 1));
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
  });
});

describe('text tools', () => {
  it('splits sentences without breaking links or decimals', () => {
    expect(splitSentences('Visit ryeandco.example today. It costs £4.50! Ok')).toEqual([
      'Visit ryeandco.example today.',
      'It costs £4.50!',
      'Ok',
    ]);
    expect(keywordsOf('Write a post about the new rye bread')).toEqual(['rye', 'bread']);
  });
});

describe('business facts', () => {
  it('turns a brief into a topic phrase', () => {
    expect(topicOf('Write a post about our spring menu.')).toBe('our spring menu');
    expect(topicOf('Announce the Office breakfast box')).toBe('the Office breakfast box');
    expect(topicOf('Spring menu')).toBe('spring menu');
  });

  it('picks the product and audience the brief names', () => {
    const focus = focusFor('Breakfast boxes for office managers', SAMPLE_BAKERY, createRandom(1));
    expect(focus.product?.name).toBe('Office breakfast box');
    expect(focus.audience?.name).toBe('Office managers');
    expect(focus.link).toBe('https://ryeandco.example'); // the product has no page: the website
  });
});

describe('hashtags', () => {
  it('derives tags from product, pillar, industry and name, never from words to avoid or stop words', () => {
    const tags = deriveHashtags({
      bank: EN,
      productNames: ['Rye sourdough', 'The office box'],
      pillarKind: 'behindScenes',
      customPillar: null,
      industry: 'Bakery',
      businessName: 'Rye & Co',
      count: 5,
      acceptable: withoutWordsToAvoid(['sourdough']),
    });
    expect(tags).toEqual(['#BehindTheScenes', '#Bakery', '#RyeCo', '#OfficeBox']);
    expect(
      deriveHashtags({
        bank: EN,
        productNames: [],
        pillarKind: 'general',
        customPillar: 'Explain and thank',
        industry: null,
        businessName: 'The Five',
        count: 3,
        acceptable: () => true,
      }),
    ).toEqual([]);
  });
});

describe('voice', () => {
  it('describes sliders in words and switches contractions', () => {
    expect(
      describeTone({
        formal_casual: 90,
        serious_playful: 30,
        reserved_enthusiastic: 50,
        traditional_modern: 70,
      }),
    ).toBe('very casual; rather serious; balanced between reserved and enthusiastic; rather modern');
    expect(contract('We are sure you will love it')).toBe("We're sure you'll love it");
    expect(expandContractions("We're sure it's what you'll want; don't wait")).toBe(
      'We are sure it is what you will want; do not wait',
    );
  });
});
