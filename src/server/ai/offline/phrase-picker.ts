import type { Facts, Line } from './phrasebank/types.js';
import { pickRotating, type Random } from './prng.js';
import { splitSentences } from './text-tools.js';

// Choosing a phrasing. A sentence the brand cannot use (a word to avoid, too long for a subject) is never
// edited: the picker takes another phrasing, or none, so no sentence is ever left with a hole in it. Nor
// is one printed that repeats itself, which happens when two facts coincide (a product named like the
// business, a price that starts with "from").

/** Whether a finished sentence may be printed. */
export type Acceptable = (sentence: string) => boolean;

/** Accepts everything: the default when a brand avoids no words. */
export const acceptAll: Acceptable = () => true;

/** Both predicates. */
export function both(first: Acceptable, second: Acceptable): Acceptable {
  return (sentence) => first(sentence) && second(sentence);
}

const DOUBLED_WORD = /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)\s+\1(?![\p{L}\p{N}])/iu;

function occurrences(text: string, value: string): number {
  let count = 0;
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) count += 1;
  return count;
}

/**
 * Whether a sentence of `text` says the same thing twice: a fact printed twice ("Now available at Ledger
 * Pro: Ledger Pro." when the product carries the business's name) or a word doubled ("From from £39").
 * @example repeatsItself('Now at Ledger Pro: Ledger Pro.', facts) // true when facts.name is 'Ledger Pro'
 */
export function repeatsItself(text: string, facts: Facts): boolean {
  const values = [facts.name, facts.product, facts.audience, facts.goal, facts.pain, facts.price, facts.word]
    .filter((value): value is string => value !== null && value.trim().length >= 3)
    .map((value) => value.trim().toLowerCase());
  return splitSentences(text).some((sentence) => {
    const lower = sentence.toLowerCase();
    return DOUBLED_WORD.test(sentence) || values.some((value) => occurrences(lower, value) > 1);
  });
}

/**
 * One of the `lines` rendered with `facts`, skipping those that need a missing fact or that `acceptable`
 * refuses; `offset` walks variants through different phrasings. Null when none fits.
 * @example pickLine(bank.hooks.question, facts, random, 0, (s) => !/cheap/i.test(s))
 */
export function pickLine(
  lines: readonly Line[],
  facts: Facts,
  random: Random,
  offset: number,
  acceptable: Acceptable,
): string | null {
  const usable = lines
    .map((line) => line(facts))
    .filter(
      (text): text is string =>
        text !== null && text.trim() !== '' && acceptable(text) && !repeatsItself(text, facts),
    );
  // Draw from the random source even when nothing fits, so later choices do not shift with the profile.
  const start = random();
  if (usable.length === 0) return null;
  return usable[(Math.floor(start * usable.length) + offset) % usable.length] ?? null;
}

/** One of plain strings, the same way. */
export function pickText(
  texts: readonly string[],
  random: Random,
  offset: number,
  acceptable: Acceptable,
): string | null {
  const usable = texts.filter(acceptable);
  if (usable.length === 0) return null;
  return pickRotating(random, usable, offset);
}
