import type { Facts, Line } from './phrasebank/types.js';
import { pickRotating, type Random } from './prng.js';

// Choosing a phrasing. A sentence the brand cannot use (a word to avoid, too long for a subject) is never
// edited: the picker takes another phrasing, or none, so no sentence is ever left with a hole in it.

/** Whether a finished sentence may be printed. */
export type Acceptable = (sentence: string) => boolean;

/** Accepts everything: the default when a brand avoids no words. */
export const acceptAll: Acceptable = () => true;

/** Both predicates. */
export function both(first: Acceptable, second: Acceptable): Acceptable {
  return (sentence) => first(sentence) && second(sentence);
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
    .filter((text): text is string => text !== null && text.trim() !== '' && acceptable(text));
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
