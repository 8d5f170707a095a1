import type { CtaKind, PhraseBank } from './phrasebank/types.js';
import { splitSentences } from './text-tools.js';

// What the writer takes from a brief: what kind of piece it is, a title, and for a notice the facts to pass
// on. The brief's other sentences are instructions for the writer and are never printed.

export interface BriefReading {
  kind: CtaKind | 'notice';
  /** The brief's first sentence without the instruction around it: a title, when it reads as one. */
  title: string | null;
  /** A short noun phrase printable in copy, or null. */
  topic: string | null;
  /** For a notice: the brief's own sentences, the facts people need (dates, hours). */
  notice: string[];
}

const CTA_PATTERNS: ReadonlyArray<readonly [CtaKind, RegExp]> = [
  [
    'sale',
    /\b(?:sale|offer|discount|deal|promo|% off|order|buy|shop|angebot|rabatt|bestell|oferta|descuento|pedido|offre|promotion|commande|promoção|desconto|encomenda|sconto|offerta|ordina|aanbieding|korting|bestel)/iu,
  ],
  [
    'event',
    /\b(?:event|workshop|webinar|launch party|join us|meetup|class|tasting|veranstaltung|verkostung|evento|taller|degustación|atelier|dégustation|evento|oficina|degustação|degustazione|evenement|proeverij)/iu,
  ],
  [
    'booking',
    /\b(?:book|appointment|reserve|reservation|consultation|demo|termin|buchen|reserv|cita|rendez-vous|marcação|prenota|afspraak)/iu,
  ],
];

/** What the brief asks people to do, guessed from its words in any of the writer's languages. */
export function ctaKindOf(brief: string): CtaKind {
  return CTA_PATTERNS.find(([, pattern]) => pattern.test(brief))?.[0] ?? 'learn';
}

function stripInstruction(sentence: string, bank: PhraseBank): string {
  const stripped = sentence.trim().replace(bank.instruction, '').trim();
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

/** A phrase short and plain enough to print: no colon lists, no question, at most eight words. */
function printable(phrase: string): boolean {
  const words = phrase.split(/\s+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 8 && !/[:?;]|\s-\s/u.test(phrase);
}

/**
 * Read a brief in the writer's language.
 * @example readBrief('Write a post about our spring menu.', EN).title // 'Our spring menu'
 */
export function readBrief(brief: string, bank: PhraseBank): BriefReading {
  const sentences = splitSentences(brief);
  const first = sentences[0] ?? brief.trim();
  const title = stripInstruction(first, bank).replace(/[.!]+$/u, '') || null;
  const isNotice = bank.notice.keywords.test(brief);
  // Lower-casing is safe only for an English phrase that does not start with a name ("Cold brew" → "cold brew").
  const lowered = (text: string) =>
    bank.language === 'en' && /^\p{Lu}\p{Ll}/u.test(text)
      ? text.charAt(0).toLowerCase() + text.slice(1)
      : text;
  return {
    kind: isNotice ? 'notice' : ctaKindOf(brief),
    title,
    topic: title && printable(title) ? lowered(title) : null,
    // The person's own words, whole: splitting "Vom 24. bis 26. Dezember" at its dots would break the dates.
    notice: isNotice ? [stripInstruction(brief.replace(/\s+/gu, ' '), bank)].filter(Boolean) : [],
  };
}
