import type { OutputNote } from '#shared/ai-tasks.schema.js';
import { type AvoidedWordMatcher, createAvoidedWordMatcher } from './avoided-words.js';
import { foreignLinks } from './links.js';
import { checkLanguage } from './output-language.js';
import { findPlaceholders } from './placeholders.js';
import { baseLanguage } from './stemmer.js';

// The checks every task output goes through, whoever wrote it: words the brand avoids (in any form),
// template markers, links nobody gave the writer, and the language. What they find comes back three ways:
// problems the model must fix (else the answer is refused), flags worth one repair request (else kept with a
// warning), and a warning per finding for the person reading the output.

/** A text of the output, named by its path (`variants.0.body`). */
export interface OutputText {
  field: string;
  text: string;
}

/** What the checks compare the output with. */
export interface OutputCheckOptions {
  /** The language the output should be in (a code or locale). */
  language: string;
  wordsToAvoid: readonly string[];
  /** Hosts links may point to (the profile's, the knowledge base's, the brief's). */
  knownHosts: ReadonlySet<string>;
  /** Names that stay in their own language (the business's, its products'); the language check skips them. */
  names?: readonly string[];
}

/** What the checks found. */
export interface OutputFindings {
  /** Must be fixed: words to avoid, placeholders. */
  problems: string[];
  /** Worth a repair request, acceptable when flagged: another language. */
  flags: string[];
  /** One per finding, links included (which are only flagged, never repaired: a person decides). */
  warnings: OutputNote[];
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  da: 'Danish',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  it: 'Italian',
  nl: 'Dutch',
  no: 'Norwegian',
  pl: 'Polish',
  pt: 'Portuguese',
  sv: 'Swedish',
  tr: 'Turkish',
};

/** A language's English name, or its code. @example languageName('de-DE') // 'German' */
export function languageName(code: string): string {
  const base = baseLanguage(code);
  return LANGUAGE_NAMES[base] ?? base;
}

const matchers = new Map<string, AvoidedWordMatcher>();

/** A matcher per word list and language, kept since the same few lists are checked on every answer. */
export function avoidedWordMatcher(words: readonly string[], language: string): AvoidedWordMatcher {
  const key = `${baseLanguage(language)}\u0000${words.join('\u0000')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= 200) matchers.clear();
    matcher = createAvoidedWordMatcher(words, language);
    matchers.set(key, matcher);
  }
  return matcher;
}

const quoteList = (items: readonly string[]) => items.map((item) => `"${item}"`).join(', ');

/**
 * Check each text for words to avoid, placeholders and foreign links, and each of `languageUnits` (longer
 * stretches of prose, such as a variant's title, body and thread together) for its language.
 * @example checkOutputTexts([{ field: 'body', text: 'Cheaper [PRODUCT]' }], [], options).problems.length // 2
 */
export function checkOutputTexts(
  texts: readonly OutputText[],
  languageUnits: readonly OutputText[],
  options: OutputCheckOptions,
): OutputFindings {
  const findings: OutputFindings = { problems: [], flags: [], warnings: [] };
  const matcher = avoidedWordMatcher(options.wordsToAvoid, options.language);
  for (const { field, text } of texts) {
    if (!text) continue;
    const avoided = matcher.find(text);
    if (avoided.length > 0) {
      const forms = [...new Set(avoided.map((match) => match.found))];
      const words = [...new Set(avoided.map((match) => match.word))];
      findings.problems.push(
        `${field}: rewrite the sentences containing ${quoteList(forms)} without ${quoteList(words)} or any form of it; the brand avoids it.`,
      );
      findings.warnings.push({
        field,
        code: 'word_to_avoid',
        message: `Uses ${quoteList(forms)}, a form of ${quoteList(words)}, which the brand avoids`,
      });
    }
    const placeholders = [...new Set(findPlaceholders(text).map((match) => match.text))];
    if (placeholders.length > 0) {
      findings.problems.push(
        `${field}: replace the template marker(s) ${quoteList(placeholders)} with finished copy from the profile, or rewrite the sentence without them.`,
      );
      findings.warnings.push({
        field,
        code: 'placeholder',
        message: `Contains the template marker(s) ${quoteList(placeholders)}`,
      });
    }
    const links = [...new Set(foreignLinks(text, options.knownHosts).map((link) => link.text))];
    if (links.length > 0) {
      findings.warnings.push({
        field,
        code: 'foreign_link',
        message: `Links to ${quoteList(links)}, which is not in the brand profile, the knowledge base or the brief: check it before publishing`,
      });
    }
  }
  const expected = languageName(options.language);
  for (const { field, text } of languageUnits) {
    const verdict = checkLanguage(text, options.language, options.names ?? []);
    if (verdict.verdict !== 'other') continue;
    const detected = languageName(verdict.detected);
    findings.flags.push(`${field}: write it in ${expected}, the business's language, not ${detected}.`);
    findings.warnings.push({
      field,
      code: 'wrong_language',
      message: `Reads as ${detected}, not ${expected}`,
    });
  }
  return findings;
}
