import { wordsOf } from './text-tools.js';

// Language detection by stop-word frequency: each language's most common function words (and a few
// greetings) are counted; the clear winner wins, anything unclear falls back to the business locale.

const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    'the and is are you i my it to of for with this that was not have do can what how when please thanks hi hello'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las de que y es en un una por para con no mi muy pero está cuando cómo qué gracias hola pedido'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les de des et est un une pour avec je vous pas mon ma très mais quand comment merci bonjour commande'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und ist nicht ich sie mit für ein eine mein sehr aber wann wie danke hallo bitte noch'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o a os as de que e é um uma para com não meu minha muito mas está quando como obrigado obrigada olá você'.split(
      ' ',
    ),
  ),
  it: new Set(
    'il lo la gli le di che e è un una per con non mio mia molto ma quando come grazie ciao sono'.split(' '),
  ),
};

/** The languages the detector knows. */
export const DETECTABLE_LANGUAGES = Object.keys(STOP_WORDS);

/**
 * The language of `text` as a code (en, es, fr, de, pt, it), or `fallback` when the evidence is thin (fewer
 * than two function words, or a tie).
 * @example detectLanguage('Hola, ¿cuándo abre la tienda?', 'en') // 'es'
 */
export function detectLanguage(text: string, fallback: string): string {
  const words = wordsOf(text);
  const scores = Object.entries(STOP_WORDS)
    .map(([language, stopWords]) => ({ language, hits: words.filter((word) => stopWords.has(word)).length }))
    .sort((a, b) => b.hits - a.hits);
  const [best, runnerUp] = scores;
  if (!best || best.hits < 2 || best.hits === runnerUp?.hits) return fallback;
  return best.language;
}

/** The language part of a locale: 'pt-BR' → 'pt'. */
export function localeLanguage(locale: string): string {
  return locale.split(/[-_]/u)[0]?.toLowerCase() || 'en';
}
