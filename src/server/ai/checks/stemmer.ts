import snowball from 'snowball-stemmers';

// Snowball stemmers (the algorithms Lucene and PostgreSQL's text search use) for the languages a business
// can write in: ISO 639-1 code → algorithm name.
const ALGORITHMS: Readonly<Record<string, string>> = {
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  hu: 'hungarian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  tr: 'turkish',
};

/** Reduces a lower-case word to its stem. */
export type Stem = (word: string) => string;

const stemmers = new Map<string, Stem>();

/** The language part of a locale or language code: 'pt-BR' → 'pt'. */
export function baseLanguage(code: string): string {
  return code.split(/[-_]/u)[0]?.toLowerCase() || 'en';
}

/**
 * The stemmer for a language code (or locale); languages without a Snowball algorithm get the identity, so
 * they are matched by exact words and the suffix rules only.
 * @example stemmerFor('de-DE')('billiges') // 'billig'
 */
export function stemmerFor(language: string): Stem {
  const code = baseLanguage(language);
  let stem = stemmers.get(code);
  if (!stem) {
    const algorithm = ALGORITHMS[code];
    if (algorithm) {
      const stemmer = snowball.newStemmer(algorithm);
      stem = (word) => stemmer.stem(word);
    } else {
      stem = (word) => word;
    }
    stemmers.set(code, stem);
  }
  return stem;
}
