import {
  INTENSIFIERS,
  NEGATIVE_EMOJI,
  NEGATIVE_WORDS,
  NEGATORS,
  POSITIVE_EMOJI,
  POSITIVE_WORDS,
} from './lexicon.js';
import { wordsOf } from './text-tools.js';

/** A message's feeling: the score and the words that decided it. */
export interface SentimentResult {
  label: 'positive' | 'neutral' | 'negative';
  score: number;
  /** The words and emoji that counted, as written ("not good" for a negated word). */
  cues: string[];
}

const NEGATION_REACH = 3;

/**
 * Score `text` with the lexicon: ±1 a word, ×1.5 after an intensifier, flipped (at half strength for
 * "not bad") after a negator within three words; emoji count ±1.
 * @example scoreSentiment('The bread was not good') // { label: 'negative', score: -1, cues: ['not good'] }
 */
export function scoreSentiment(text: string): SentimentResult {
  const words = wordsOf(text.replace(/[’]/gu, "'"));
  const cues: string[] = [];
  let score = 0;
  words.forEach((word, index) => {
    const polarity = POSITIVE_WORDS.has(word) ? 1 : NEGATIVE_WORDS.has(word) ? -1 : 0;
    if (polarity === 0) return;
    const before = words.slice(Math.max(0, index - NEGATION_REACH), index);
    const negator = before.find((previous) => NEGATORS.has(previous));
    const intensified = words[index - 1] !== undefined && INTENSIFIERS.has(words[index - 1] ?? '');
    let value = polarity * (intensified ? 1.5 : 1);
    // "not good" is bad, but "not bad" is only mildly good.
    if (negator) value = polarity > 0 ? -value : -value / 2;
    score += value;
    cues.push(negator ? `${negator} ${word}` : word);
  });
  for (const [emojis, value] of [
    [POSITIVE_EMOJI, 1],
    [NEGATIVE_EMOJI, -1],
  ] as const) {
    for (const emoji of emojis.filter((candidate) => text.includes(candidate))) {
      score += value;
      cues.push(emoji);
    }
  }
  const label = score >= 1 ? 'positive' : score <= -0.75 ? 'negative' : 'neutral';
  return { label, score, cues };
}
