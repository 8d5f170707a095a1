// Small string helpers the offline writer composes sentences with.

/** English and multilingual function words that carry no topic. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do for from get got has have how i if in into is it its just ' +
    'me more most my new no not now of on or our out so than that the their them then there these they ' +
    'this to too up us very was we were what when where which who why will with you your about all also ' +
    'any back been being come did does each even ever every here let like make much need off only own ' +
    'please post write tweet thread email create draft announce promote share some such tell week today ' +
    'tomorrow'
  ).split(' '),
);

/** Lower-case words of `text` (letters and digits, Unicode-aware). @example wordsOf("Don't stop!") // ["don't", 'stop'] */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Topic words: no stop words, at least three letters, first occurrence order. @example keywordsOf('The best rye bread') // ['best', 'rye', 'bread'] */
export function keywordsOf(text: string): string[] {
  const seen = new Set<string>();
  for (const word of wordsOf(text)) {
    if (word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/u.test(word)) seen.add(word);
  }
  return [...seen];
}

/** How many keywords two texts share. @example overlap('rye bread', 'Bread of rye') // 2 */
export function overlap(a: string, b: string): number {
  const right = new Set(keywordsOf(b).map(stem));
  return keywordsOf(a).filter((word) => right.has(stem(word))).length;
}

/** A crude plural/verb-ending stem so "loaves", "loaf" differ but "deliveries"/"delivery" match. */
export function stem(word: string): string {
  return word.replace(/(?:ies|es|s|ing|ed)$/u, '') || word;
}

/** Sentences of `text`, trimmed, keeping their end punctuation. @example splitSentences('Hi. Yes!') // ['Hi.', 'Yes!'] */
export function splitSentences(text: string): string[] {
  // A sentence ends at punctuation followed by a space or the end, so "ryeandco.example" stays whole.
  return text
    .split(/(?<=[.!?…]["')\]]*)\s+|\n+/u)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** `text` with its first letter upper-cased. @example capitalize('rye') // 'Rye' */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `text` with its first letter lower-cased unless it starts an acronym or a name-like capitalised pair. */
export function decapitalize(text: string): string {
  if (/^[A-Z]{2}|^[A-Z]\w*\s+[A-Z]/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `text` ending in sentence punctuation (a period unless it already has one). @example endSentence('Hi') // 'Hi.' */
export function endSentence(text: string, mark = '.'): string {
  const trimmed = text.trim().replace(/[,;:\s]+$/u, '');
  if (trimmed === '') return '';
  return /[.!?…]["')\]]*$/u.test(trimmed) ? trimmed : `${trimmed}${mark}`;
}

/** The first sentence of `text`, or '' when it has none. */
export function firstSentence(text: string | null | undefined): string {
  return splitSentences(text ?? '')[0] ?? '';
}

/** PascalCase of a phrase, for hashtags. @example pascalCase('rye & co.') // 'RyeCo' */
export function pascalCase(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => capitalize(word.toLowerCase())).join('');
}

/** Collapse runs of spaces and blank lines, trim each line. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** The item whose description shares the most words with `text`; `null` when none shares any. */
export function bestMatch<T>(items: readonly T[], text: string, describe: (item: T) => string): T | null {
  let best: T | null = null;
  let bestScore = 0;
  for (const item of items) {
    const score = overlap(describe(item), text);
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}
