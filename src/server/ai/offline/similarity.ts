import { wordsOf } from './text-tools.js';

// How alike two texts are, to keep variants of one request apart. The measure is the Jaccard index over
// word 3-shingles: |A ∩ B| / |A ∪ B| where A and B are the sets of three consecutive lower-case words of
// each text. 1 means the same word sequence throughout, 0 no three words in a row in common. Shared facts
// (a product sentence used by both) raise it; a different opener alone barely lowers it.

function shingles(text: string): Set<string> {
  const words = wordsOf(text);
  if (words.length < 3) return new Set(words.length ? [words.join(' ')] : []);
  const result = new Set<string>();
  for (let index = 0; index + 3 <= words.length; index += 1)
    result.add(words.slice(index, index + 3).join(' '));
  return result;
}

/**
 * Jaccard similarity of the texts' word 3-shingles, in [0, 1].
 * @example shingleSimilarity('fresh rye bread today', 'fresh rye bread tomorrow') // 1/3
 */
export function shingleSimilarity(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** The mean similarity over all pairs of `texts`; 0 for fewer than two. */
export function meanPairwiseSimilarity(texts: readonly string[]): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < texts.length; i += 1) {
    for (let j = i + 1; j < texts.length; j += 1) {
      total += shingleSimilarity(texts[i] ?? '', texts[j] ?? '');
      pairs += 1;
    }
  }
  return pairs === 0 ? 0 : total / pairs;
}
