import { baseLanguage, type Stem, stemmerFor } from './stemmer.js';

// Words a brand avoids, found with their inflections ("cheap" → "cheaper", "billig" → "billiges") and inside
// compounds ("Billigangebot", "#CheapEats"). A Snowball stemmer gives the inflections it knows; a short list
// of endings per language adds the ones it leaves alone (English comparatives, German verb forms).
//
// Compounds are where false positives live ("scam" in "scamper", "free" in "freedom"), so the rule is:
// - a word is an avoided word's form when it is the word, shares its stem, or is the word (or its stem)
//   followed by one of the language's endings, allowing a doubled last consonant ("scammed");
// - it is a compound when the avoided word (4+ letters) sits inside it with at least 3 letters before it
//   or 4 after it, and only in languages that write compounds as one word (German, Dutch, the Nordic
//   languages) or in hashtags, where every language glues words together. "scamper" (3 letters after)
//   and "unbillig" (2 before) stay clean; CamelCase hashtags are split first, so "#CheapEats" is
//   "cheap" + "eats".

/** Endings (accents removed) that make another form of a word, per language; `s` applies to all. */
const ENDINGS: Readonly<Record<string, readonly string[]>> = {
  en: ['es', 'ed', 'd', 'er', 'r', 'ers', 'est', 'st', 'ly', 'ing', 'ings', 'ness', 'ier', 'iest', 'ily'],
  de: [
    ...['e', 'em', 'en', 'er', 'es', 'n', 'st', 't', 'et', 'te', 'tem', 'ten', 'ter', 'tes'],
    ...['ere', 'erem', 'eren', 'erer', 'eres', 'ste', 'stem', 'sten', 'ster', 'stes', 'este', 'esten'],
    ...['ert', 'erte', 'erten', 'iert', 'ierte', 'ierten', 'ieren'],
  ],
  nl: ['e', 'en', 'er', 'ere', 'ers', 'st', 'ste', 't', 'te', 'ten', 'd', 'de', 'den'],
  es: [
    ...['o', 'a', 'os', 'as', 'e', 'es', 'mente', 'isimo', 'isima', 'isimos', 'isimas'],
    ...['ito', 'ita', 'itos', 'itas', 'ado', 'ada', 'ados', 'adas', 'izado', 'izada', 'izar'],
  ],
  fr: ['e', 'es', 'x', 'ment', 'ee', 'ees', 'er', 'ez', 'ant', 'issime', 'issimes'],
  pt: [
    ...['o', 'a', 'os', 'as', 'e', 'es', 'mente', 'issimo', 'issima', 'inho', 'inha'],
    ...['ado', 'ada', 'ados', 'adas', 'ido', 'ida', 'idos', 'idas'],
  ],
  it: [
    ...['o', 'a', 'i', 'e', 'issimo', 'issima', 'issimi', 'issime', 'mente'],
    ...['ato', 'ata', 'ati', 'ate', 'ito', 'ita', 'iti', 'ite'],
  ],
};

/** Languages that write compounds as one word, so an avoided word inside a longer word counts in text too. */
const COMPOUNDING = new Set(['de', 'nl', 'da', 'sv', 'no', 'nb', 'fi', 'hu']);

const MIN_COMPOUND_WORD = 4;
const MIN_BEFORE = 3;
const MIN_AFTER = 4;
const MIN_FORM_BASE = 3;

/** Where an avoided word was found. */
export interface AvoidedWordMatch {
  /** The avoided word or phrase, as the brand wrote it. */
  word: string;
  /** The text that matched, as written (a whole word, or a part of a CamelCase hashtag). */
  found: string;
  /** Position of `found` in the text, in UTF-16 code units. */
  index: number;
  /** `word`: the word itself; `form`: an inflection; `compound`: inside a longer word. */
  kind: 'word' | 'form' | 'compound';
}

/** Finds a brand's avoided words in texts of one language. */
export interface AvoidedWordMatcher {
  /** Every match in `text`, in order; overlapping matches of the same word are reported once. */
  find(text: string): AvoidedWordMatch[];
  /** Whether `text` contains any avoided word. */
  has(text: string): boolean;
  /** The avoided words (as the brand wrote them) that occur in `text`, each once. */
  wordsIn(text: string): string[];
}

/** Lower case without accents, for comparing forms: "Günstig" → "gunstig". */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

interface Token {
  text: string;
  index: number;
  /** Part of a hashtag, where words are glued together in any language. */
  hashtag: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// CamelCase pieces: "CheapEats" → Cheap, Eats; "BESTDeals" → BEST, Deals; digits apart.
const CAMEL_PART = /\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+(?![\p{Ll}\p{M}])|\p{N}+/gu;

function wordsOfText(text: string): Token[] {
  return Array.from(text.matchAll(WORD), (match) => ({
    text: match[0],
    index: match.index,
    hashtag: match.index > 0 && text[match.index - 1] === '#',
  }));
}

/** A word's CamelCase parts; a word with one part gives none (it is checked whole already). */
function camelParts(token: Token): Token[] {
  const parts = Array.from(token.text.matchAll(CAMEL_PART), (match) => ({
    text: match[0],
    index: token.index + match.index,
    hashtag: token.hashtag,
  }));
  return parts.length > 1 ? parts : [];
}

interface WordForms {
  folded: string;
  stem: string;
}

interface Entry {
  word: string;
  parts: WordForms[];
  /** A phrase written as one word ("supercheap"), for hashtags and compounds. */
  glued: string;
}

/**
 * A matcher for `words` (words or phrases) in `language` (a code or locale: 'de', 'pt-BR').
 * @example createAvoidedWordMatcher(['cheap'], 'en').find('Cheaper eats #CheapEats').map((m) => m.found)
 * // ['Cheaper', 'Cheap']
 */
export function createAvoidedWordMatcher(words: readonly string[], language: string): AvoidedWordMatcher {
  const code = baseLanguage(language);
  const stemmer = stemmerFor(code);
  const endings = new Set(['s', ...(ENDINGS[code] ?? [])]);
  const compounding = COMPOUNDING.has(code);
  const stems = new Map<string, string>();
  const stemOf: Stem = (word) => {
    let stem = stems.get(word);
    if (stem === undefined) {
      if (stems.size > 5_000) stems.clear();
      stem = fold(stemmer(word.toLowerCase()));
      stems.set(word, stem);
    }
    return stem;
  };
  const entries: Entry[] = [...new Set(words.map((word) => word.trim()).filter(Boolean))].map((word) => {
    const parts = (word.match(WORD) ?? []).map((part) => ({ folded: fold(part), stem: stemOf(part) }));
    return { word, parts, glued: parts.map((part) => part.folded).join('') };
  });

  const isEnding = (rest: string) => endings.has(rest);
  /** `folded` is `base` plus an ending, maybe after doubling base's last letter ("scam" → "scammed"). */
  const isFormOf = (folded: string, base: string) => {
    if (base.length < MIN_FORM_BASE || !folded.startsWith(base)) return false;
    const rest = folded.slice(base.length);
    return isEnding(rest) || (rest[0] === base.at(-1) && isEnding(rest.slice(1)));
  };
  const formKind = (token: string, forms: WordForms): AvoidedWordMatch['kind'] | null => {
    const folded = fold(token);
    if (folded === forms.folded) return 'word';
    if (stemOf(token) === forms.stem && forms.stem.length > 0) return 'form';
    if (isFormOf(folded, forms.folded) || isFormOf(folded, forms.stem)) return 'form';
    return null;
  };
  const isCompoundOf = (token: string, base: string) => {
    if (base.length < MIN_COMPOUND_WORD) return false;
    const folded = fold(token);
    for (let at = folded.indexOf(base); at !== -1; at = folded.indexOf(base, at + 1)) {
      const before = folded.slice(0, at);
      const after = folded.slice(at + base.length);
      const beforeOk = before === '' || before.length >= MIN_BEFORE;
      const afterOk = after === '' || isEnding(after) || after.length >= MIN_AFTER;
      if (beforeOk && afterOk && (before !== '' || after.length >= MIN_AFTER)) return true;
    }
    return false;
  };

  function find(text: string): AvoidedWordMatch[] {
    if (entries.length === 0 || text.trim() === '') return [];
    const tokens = wordsOfText(text);
    const matches: AvoidedWordMatch[] = [];
    const seen = new Set<string>();
    const add = (entry: Entry, first: Token, last: Token, kind: AvoidedWordMatch['kind']) => {
      const key = `${entry.word}\u0000${first.index}`;
      if (seen.has(key)) return;
      seen.add(key);
      const found = text.slice(first.index, last.index + last.text.length);
      matches.push({ word: entry.word, found, index: first.index, kind });
    };
    /** Whole-phrase matches starting at `tokens[start]`, each word in any of its forms. */
    const matchSequence = (
      sequence: readonly Token[],
      entry: Entry,
      gapOk: (a: Token, b: Token) => boolean,
    ) => {
      const size = entry.parts.length;
      for (let start = 0; start + size <= sequence.length; start += 1) {
        let kind: AvoidedWordMatch['kind'] = 'word';
        let ok = true;
        for (let offset = 0; offset < size && ok; offset += 1) {
          const token = sequence[start + offset] as Token;
          const partKind = formKind(token.text, entry.parts[offset] as WordForms);
          if (!partKind || (offset > 0 && !gapOk(sequence[start + offset - 1] as Token, token))) ok = false;
          else if (partKind === 'form') kind = 'form';
        }
        if (ok) add(entry, sequence[start] as Token, sequence[start + size - 1] as Token, kind);
      }
    };
    const spaced = (a: Token, b: Token) => /^[\s\-–]+$/u.test(text.slice(a.index + a.text.length, b.index));
    for (const entry of entries) {
      if (entry.parts.length === 0) continue;
      matchSequence(tokens, entry, spaced);
      for (const token of tokens) {
        const before = matches.length;
        const parts = camelParts(token);
        if (parts.length > 0) matchSequence(parts, entry, () => true);
        // A CamelCase part already named the word; the glued check would report the same word again.
        if (matches.length > before || !(compounding || token.hashtag)) continue;
        const single = entry.parts.length === 1 ? (entry.parts[0] as WordForms) : null;
        const bases = single ? [single.folded, single.stem] : [entry.glued];
        if (!single && fold(token.text) === entry.glued) add(entry, token, token, 'word');
        else if (bases.some((base) => isCompoundOf(token.text, base))) add(entry, token, token, 'compound');
      }
    }
    return matches.sort((a, b) => a.index - b.index);
  }

  return {
    find,
    has: (text) => find(text).length > 0,
    wordsIn: (text) => [...new Set(find(text).map((match) => match.word))],
  };
}
