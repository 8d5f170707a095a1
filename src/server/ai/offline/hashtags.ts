import { normalizeHashtags } from '#shared/channels.js';
import type { Acceptable } from './phrase-picker.js';
import { EN } from './phrasebank/en.js';
import type { PhraseBank, PillarKind } from './phrasebank/types.js';
import { pascalCase, wordsOf } from './text-tools.js';

// Hashtags from what the business is: its products, the pillar, its industry and its name. The brief's
// words are never used (they are instructions: "explain", "thank", "five"), nor any function word.

export interface HashtagSources {
  bank: PhraseBank;
  /** The featured product first, then the others. */
  productNames: readonly string[];
  pillarKind: PillarKind;
  /** A pillar the team named themselves (tagged by its content words). */
  customPillar: string | null;
  industry: string | null;
  businessName: string;
  count: number;
  /** Refuses a tag carrying a word the brand avoids (checked on its words, "CheapEats" → "cheap eats"). */
  acceptable: Acceptable;
}

/** "RyeSourdough" → "Rye Sourdough", so a word to avoid is found inside a compound tag. */
export function splitPascal(tag: string): string {
  return tag.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

/** A tag from a phrase without its function words: "Tips for the team" → "TipsTeam"; null if none is left. */
function tagOf(phrase: string, stopWords: ReadonlySet<string>): string | null {
  const words = wordsOf(phrase).filter((word) => !stopWords.has(word));
  if (words.length === 0) return null;
  const tag = pascalCase(words.join(' '));
  return tag.length >= 3 && tag.length <= 30 ? tag : null;
}

/**
 * Up to `count` hashtags, most specific first.
 * @example deriveHashtags({ productNames: ['Rye sourdough'], pillarKind: 'behindScenes', … count: 3 }) // ['#RyeSourdough', '#BehindTheScenes', '#Bakery']
 */
export function deriveHashtags(sources: HashtagSources): string[] {
  if (sources.count <= 0) return [];
  const stopWords = new Set([...sources.bank.stopWords, ...EN.stopWords]);
  const [featured, ...others] = sources.productNames;
  const candidates = [
    featured ? tagOf(featured, stopWords) : null,
    sources.bank.pillarTags[sources.pillarKind],
    sources.customPillar ? tagOf(sources.customPillar, stopWords) : null,
    sources.industry ? tagOf(sources.industry, stopWords) : null,
    tagOf(sources.businessName, stopWords),
    ...others.map((name) => tagOf(name, stopWords)),
  ]
    .filter((tag): tag is string => tag !== null)
    .filter((tag) => sources.acceptable(splitPascal(tag)));
  return normalizeHashtags(candidates, sources.count);
}
