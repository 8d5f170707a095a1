import type { Persona, Product } from '#shared/brand.schema.js';
import type { BusinessContext } from '../task.js';
import { pickRotating, type Random } from './prng.js';
import { bestMatch, capitalize, decapitalize, endSentence, firstSentence, keywordsOf } from './text-tools.js';

// What a piece of content is about, grounded in the business profile: the product and audience that best
// match the brief, the topic phrase, a benefit in the business's own words and a link.

/** The facts one piece of content is built on. */
export interface ContentFocus {
  /** The brief as a noun phrase: "our new rye sourdough for weekend brunch". */
  topic: string;
  product: Product | null;
  audience: Persona | null;
  /** One sentence of benefit, from the product or the business description. */
  benefit: string;
  /** The product's page or the business website. */
  link: string | null;
  keywords: string[];
}

// Openers of a brief that say what to do rather than what it is about.
const INSTRUCTION_PREFIX =
  /^(?:please\s+)?(?:(?:write|create|draft|make|give me|prepare)\s+(?:a|an|some|the)?\s*(?:short\s+|long\s+|quick\s+)?(?:post|tweet|thread|email|newsletter|caption|sms|text|message|reel|video|script|outline|ad|story)s?\s*(?:about|on|for|announcing|promoting|that)?\s*)?(?:(?:announce|promote|share|introduce|celebrate|highlight|feature|showcase|present|remind (?:people|customers|everyone) (?:about|of)|tell (?:people|customers|everyone) about)\s+)?/iu;

/**
 * The brief as a topic phrase, without the instruction around it.
 * @example topicOf('Write a post about our spring menu.') // 'our spring menu'
 */
export function topicOf(brief: string): string {
  const firstLine = brief.split(/\n/u)[0] ?? brief;
  const stripped = firstLine
    .trim()
    .replace(INSTRUCTION_PREFIX, '')
    .replace(/[.!?\s]+$/u, '');
  return decapitalize(stripped || firstLine.trim());
}

/** The benefit sentence: the product's first sentence, else the business description's. */
function benefitOf(product: Product | null, context: BusinessContext): string {
  const fromProduct = firstSentence(product?.description);
  if (product && fromProduct) return endSentence(`${product.name}: ${decapitalize(fromProduct)}`);
  const fromBusiness = firstSentence(context.description);
  if (fromBusiness) return endSentence(capitalize(fromBusiness));
  const industry = context.industry ? ` ${context.industry.toLowerCase()}` : '';
  return endSentence(`${context.name} is the${industry} team that sweats the details so you do not have to`);
}

/**
 * Ground a brief in the profile. A product or audience named in the brief wins; otherwise `variant`
 * rotates through them so variants and calendar items do not all feature the same one.
 */
export function focusFor(brief: string, context: BusinessContext, random: Random, variant = 0): ContentFocus {
  const { products, audiences } = context.brand;
  const describeProduct = (product: Product) => `${product.name} ${product.description}`;
  const describePersona = (persona: Persona) =>
    `${persona.name} ${persona.description} ${persona.pains.join(' ')} ${persona.goals.join(' ')}`;
  const product =
    bestMatch(products, brief, describeProduct) ??
    (products.length ? pickRotating(random, products, variant) : null);
  const audience =
    bestMatch(audiences, brief, describePersona) ??
    (audiences.length ? pickRotating(random, audiences, variant) : null);
  return {
    topic: topicOf(brief),
    product,
    audience,
    benefit: benefitOf(product, context),
    link: product?.url ?? context.website ?? null,
    keywords: keywordsOf(`${brief} ${product?.name ?? ''}`),
  };
}
