import type { Persona, Product } from '#shared/brand.schema.js';
import type { BusinessContext } from '../task.js';
import type { Facts, WriterLanguage } from './phrasebank/types.js';
import { pickRotating, type Random } from './prng.js';
import { bestMatch, decapitalize, endSentence, splitSentences } from './text-tools.js';
import type { VoiceStyle } from './voice.js';

// The facts a piece is written from: the product and audience the brief names (or the next ones in
// rotation), and sentences taken whole from the profile's descriptions. Nothing here comes from the
// brief's instructions.

/** The product the brief names (by its name first, then its description), else one in rotation. */
export function productFor(products: readonly Product[], brief: string, random: Random, turn: number) {
  const lower = brief.toLowerCase();
  const named = products.find((product) => lower.includes(product.name.toLowerCase()));
  return (
    named ??
    bestMatch(products, brief, (p) => `${p.name} ${p.description}`) ??
    (products.length ? pickRotating(random, products, turn) : null)
  );
}

/** The audience the brief names, else one in rotation. */
export function audienceFor(audiences: readonly Persona[], brief: string, random: Random, turn: number) {
  const lower = brief.toLowerCase();
  const named = audiences.find((persona) => lower.includes(persona.name.toLowerCase()));
  return (
    named ??
    bestMatch(audiences, brief, (p) => `${p.name} ${p.pains.join(' ')} ${p.goals.join(' ')}`) ??
    (audiences.length ? pickRotating(random, audiences, turn) : null)
  );
}

/** Nouns stay capitalised in German; other languages lower-case a phrase used mid-sentence. */
function midSentence(text: string | undefined, language: WriterLanguage): string | null {
  if (!text?.trim()) return null;
  const trimmed = text.trim().replace(/[.!?]+$/u, '');
  return language === 'de' ? trimmed : decapitalize(trimmed);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FactsRequest {
  brief: string;
  language: WriterLanguage;
  style: VoiceStyle;
  /** Rotates products, audiences, goals and words between calendar items and variants. */
  turn: number;
  topic: string | null;
  /** Drop the topic when it only names the featured product (it would repeat it). */
  skipTopicNaming?: boolean;
  product?: Product | null;
  audience?: Persona | null;
}

/**
 * The facts for one piece. The benefit is the product's first sentence (else the business's), the proof
 * the next sentence the profile has; both are printed whole, never cut.
 */
export function factsFor(request: FactsRequest, business: BusinessContext, random: Random): Facts {
  const { products, audiences, voice } = business.brand;
  const product =
    request.product !== undefined
      ? request.product
      : productFor(products, request.brief, random, request.turn);
  const audience =
    request.audience !== undefined
      ? request.audience
      : audienceFor(audiences, request.brief, random, request.turn);
  const productSentences = splitSentences(product?.description ?? '');
  const businessSentences = splitSentences(business.description ?? '');
  const [benefit = null, ...rest] = productSentences.length ? productSentences : businessSentences;
  const proofs = [...rest, ...(productSentences.length ? businessSentences : [])];
  const avoid = new Set(voice.words_to_avoid.map((word) => word.toLowerCase()));
  const words = voice.words_to_use.filter((word) => !avoid.has(word.toLowerCase()));
  const pickOf = <T>(items: readonly T[]): T | null =>
    items.length ? pickRotating(random, items, request.turn) : null;
  const { style } = request;
  return {
    name: business.name,
    product: product?.name ?? null,
    // Profiles often leave the full stop off ("Fresh rye, baked daily"); copy joins sentences, so add it.
    benefit: benefit ? endSentence(sentenceCase(benefit)) : null,
    proof: ((proof) => (proof ? endSentence(proof) : null))(pickOf(proofs)),
    price: product?.price ?? null,
    audience: midSentence(audience?.name, request.language),
    goal: midSentence(pickOf(audience?.goals ?? []) ?? undefined, request.language),
    pain: midSentence(pickOf(audience?.pains ?? []) ?? undefined, request.language),
    industry: business.industry,
    word: pickOf(words),
    topic:
      request.skipTopicNaming && product && request.topic?.toLowerCase().includes(product.name.toLowerCase())
        ? null
        : request.topic,
    casual: style.casual,
    formal: style.formal,
    v: (informal, formal) => (style.casual ? informal : formal),
  };
}

/** The link a call to action points to: the product's page, else the website. */
export function linkFor(business: BusinessContext, productName: string | null): string | null {
  const product = business.brand.products.find((candidate) => candidate.name === productName);
  return product?.url ?? business.website ?? null;
}
