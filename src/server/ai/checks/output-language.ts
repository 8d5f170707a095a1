import { createRequire } from 'node:module';
import { baseLanguage } from './stemmer.js';

// Whether an output is written in the language asked for. tinyld (n-gram statistics, no network, a
// synchronous API) reads the text once names, links and hashtags are taken out. Short texts say little
// about their language — "Order now" reads as English in a German SMS — so a text needs enough words for a
// verdict, and a short one needs a more certain one.

/** Fewer words than this get no verdict (a short SMS, a title). */
const MIN_WORDS = 6;
/** Up to this many words, the detector must be nearly certain. */
const SHORT_TEXT_WORDS = 15;

/** Languages the detector chooses among, besides the one expected: the common languages of the writers. */
const CANDIDATES = ['en', 'de', 'es', 'fr', 'pt', 'it', 'nl', 'da', 'sv', 'no', 'pl', 'tr'];

/** The verdict on a text's language. */
export type LanguageVerdict =
  | { verdict: 'expected' | 'unsure' }
  | { verdict: 'other'; detected: string; confidence: number };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** `text` without links, e-mail addresses, hashtags, mentions, numbers and the given names. */
function proseOf(text: string, names: readonly string[]): string {
  let prose = text
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(/\S+@\S+/gu, ' ')
    .replace(/[#@][\p{L}\p{N}_]+/gu, ' ')
    .replace(/\b\S+\.(?:com|net|org|io|co|de|es|fr|it|nl|pt|example)\S*/giu, ' ');
  const sorted = [...names].filter((name) => name.trim().length > 1).sort((a, b) => b.length - a.length);
  for (const name of sorted) prose = prose.replace(new RegExp(escapeRegExp(name.trim()), 'giu'), ' ');
  return prose
    .replace(/[\p{N}\p{Extended_Pictographic}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Whether `text` is in `expected` (a code or locale). Names (the business's, its products') are ignored,
 * since they stay in their own language.
 * @example checkLanguage('Unser Roggenbrot ist wieder da, frisch aus dem Ofen, jeden Morgen.', 'en')
 * // { verdict: 'other', detected: 'de', confidence: 1 }
 */
export function checkLanguage(
  text: string,
  expected: string,
  names: readonly string[] = [],
): LanguageVerdict {
  const language = baseLanguage(expected);
  const prose = proseOf(text, names);
  const words = prose.match(/\p{L}+/gu)?.length ?? 0;
  if (words < MIN_WORDS) return { verdict: 'unsure' };
  const results = tinyld().detectAll(prose, { only: [...new Set([...CANDIDATES, language])] });
  const top = results[0];
  if (!top) return { verdict: 'unsure' };
  if (top.lang === language) return { verdict: 'expected' };
  const expectedScore = results.find((result) => result.lang === language)?.accuracy ?? 0;
  const [minTop, maxExpected] = words <= SHORT_TEXT_WORDS ? [0.9, 0.1] : [0.6, 0.25];
  if (top.accuracy >= minTop && expectedScore <= maxExpected) {
    return { verdict: 'other', detected: top.lang, confidence: top.accuracy };
  }
  return { verdict: 'unsure' };
}

let loaded: typeof import('tinyld') | undefined;

/**
 * tinyld, loaded (its CommonJS build, which is synchronous) by the first check rather than with the app: its
 * n-gram tables are about a third of a second of every process's start, server, worker or CLI alike.
 */
function tinyld(): typeof import('tinyld') {
  loaded ??= createRequire(import.meta.url)('tinyld') as typeof import('tinyld');
  return loaded;
}
