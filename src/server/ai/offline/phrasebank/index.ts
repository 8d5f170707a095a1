import { localeLanguage } from '../language.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { IT } from './it.js';
import { NL } from './nl.js';
import { PT } from './pt.js';
import { type PhraseBank, WRITER_LANGUAGES, type WriterLanguage } from './types.js';

/** Every language's bank, by code. */
export const PHRASE_BANKS: Readonly<Record<WriterLanguage, PhraseBank>> = {
  en: EN,
  de: DE,
  es: ES,
  fr: FR,
  pt: PT,
  it: IT,
  nl: NL,
};

function asWriterLanguage(code: string | undefined): WriterLanguage | null {
  const language = code ? localeLanguage(code) : '';
  return (WRITER_LANGUAGES as readonly string[]).includes(language) ? (language as WriterLanguage) : null;
}

/**
 * The language to write in: the one asked for, else the business's locale, else English; `supported` is
 * false when the wanted language has no bank (the writer then says so).
 * @example writerLanguage(undefined, 'de-DE') // { language: 'de', supported: true, wanted: 'de' }
 */
export function writerLanguage(
  requested: string | undefined,
  locale: string,
): { language: WriterLanguage; supported: boolean; wanted: string } {
  const wanted = requested ?? locale;
  const language = asWriterLanguage(wanted);
  return { language: language ?? 'en', supported: language !== null, wanted };
}

/** The bank for a language. */
export function phraseBank(language: WriterLanguage): PhraseBank {
  return PHRASE_BANKS[language];
}

/**
 * The SMS opt-out line in `requested` (else the locale's) language, the same line the offline writer ends
 * its SMS with; null for a language without a phrase bank.
 * @example smsOptOutLine(undefined, 'de-DE') // 'STOP zum Abbestellen.'
 */
export function smsOptOutLine(requested: string | undefined, locale: string): string | null {
  const { language, supported } = writerLanguage(requested, locale);
  return supported ? PHRASE_BANKS[language].smsOptOut : null;
}
