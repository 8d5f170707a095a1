import type { ChannelId } from '#shared/channel-ids.js';
import type { BusinessContext } from '../task.js';
import type { ContentFocus } from './business-facts.js';
import { pickRotating, type Random } from './prng.js';
import { capitalize, decapitalize, endSentence } from './text-tools.js';
import type { VoiceStyle } from './voice.js';

// Sentence templates for the offline writer, grouped by voice. Each takes the facts of the piece so the
// wording is always about this business and this brief.

type Template = (facts: TemplateFacts) => string | null;

interface TemplateFacts {
  topic: string;
  name: string;
  audience: string | null;
  goal: string | null;
  pain: string | null;
}

const CASUAL_HOOKS: readonly Template[] = [
  (f) => `Big news: ${f.topic}.`,
  (f) => `Guess what? ${capitalize(f.topic)}.`,
  (f) => `You asked, we listened: ${f.topic}.`,
  (f) => (f.audience ? `Heads up, ${f.audience}: ${f.topic}.` : null),
  (f) => (f.pain ? `We hear you on ${f.pain}. So here's ${f.topic}.` : null),
];
const NEUTRAL_HOOKS: readonly Template[] = [
  (f) => `New at ${f.name}: ${f.topic}.`,
  (f) => `Spotlight on ${f.topic}.`,
  (f) => `Here is what is new: ${f.topic}.`,
  (f) => (f.audience ? `For ${f.audience}: ${f.topic}.` : null),
];
const FORMAL_HOOKS: readonly Template[] = [
  (f) => `Introducing ${f.topic}.`,
  (f) => `${f.name} is pleased to present ${f.topic}.`,
  (f) => (f.audience ? `Of interest to ${f.audience}: ${f.topic}.` : null),
  (f) => `An update from ${f.name}: ${f.topic}.`,
];
const MODERN_HOOKS: readonly Template[] = [
  (f) => `Just dropped: ${f.topic}.`,
  (f) => `Fresh from ${f.name}: ${f.topic}.`,
];

function factsOf(focus: ContentFocus, context: BusinessContext): TemplateFacts {
  return {
    topic: focus.topic,
    name: context.name,
    audience: focus.audience ? decapitalize(focus.audience.name) : null,
    goal: focus.audience?.goals[0] ? decapitalize(focus.audience.goals[0]) : null,
    pain: focus.audience?.pains[0] ? decapitalize(focus.audience.pains[0]) : null,
  };
}

function choose(
  templates: readonly Template[],
  facts: TemplateFacts,
  random: Random,
  variant: number,
): string {
  const usable = templates.map((template) => template(facts)).filter((text): text is string => Boolean(text));
  return pickRotating(random, usable, variant);
}

/** The opening line, in the brand's voice; variants rotate through the templates. */
export function hookLine(
  focus: ContentFocus,
  context: BusinessContext,
  style: VoiceStyle,
  random: Random,
  variant: number,
): string {
  const templates = style.formal
    ? FORMAL_HOOKS
    : style.casual
      ? [...CASUAL_HOOKS, ...(style.modern ? MODERN_HOOKS : [])]
      : [...NEUTRAL_HOOKS, ...(style.modern ? MODERN_HOOKS : [])];
  const hook = choose(templates, factsOf(focus, context), random, variant);
  return style.enthusiastic ? hook.replace(/\.$/u, '!') : hook;
}

/** A sentence about who it is for, from the matched persona's goals or pains; null without a persona. */
export function audienceLine(
  focus: ContentFocus,
  context: BusinessContext,
  style: VoiceStyle,
): string | null {
  const facts = factsOf(focus, context);
  if (!facts.audience) return null;
  if (facts.goal)
    return `${style.formal ? 'Designed' : 'Made'} for ${facts.audience} who want ${facts.goal}.`;
  if (facts.pain) return `Built with ${facts.audience} in mind, so ${facts.pain} is one less worry.`;
  return `Made with ${facts.audience} in mind.`;
}

/** A short sentence weaving in words the brand likes to use. */
export function wordsToUseLine(words: readonly string[], style: VoiceStyle): string | null {
  const [first, second] = words;
  if (!first) return null;
  if (!second) return style.formal ? `${capitalize(first)}, as always.` : `Always ${first}.`;
  return `${capitalize(first)} and ${second}, ${style.casual ? 'every single time' : 'as always'}.`;
}

type CtaKind = 'sale' | 'event' | 'booking' | 'learn';

/** What the brief asks people to do, guessed from its words. */
export function ctaKind(brief: string): CtaKind {
  if (/\b(?:sale|offer|discount|deal|promo|% off|free shipping|order|buy|shop)/iu.test(brief)) return 'sale';
  if (/\b(?:event|workshop|webinar|launch party|join us|meetup|class|tasting)/iu.test(brief)) return 'event';
  if (/\b(?:book|appointment|reserve|reservation|consultation|demo)/iu.test(brief)) return 'booking';
  return 'learn';
}

const CTA_VERBS: Record<CtaKind, { casual: string; formal: string }> = {
  sale: { casual: 'Grab yours', formal: 'Order now' },
  event: { casual: 'Save your spot', formal: 'Register now' },
  booking: { casual: 'Book your slot', formal: 'Book an appointment' },
  learn: { casual: 'Take a look', formal: 'Learn more' },
};

/**
 * The call to action for a channel: links where they are clickable, "link in bio" on Instagram, none on
 * TikTok captions, a reply invitation when there is no link at all.
 */
export function callToAction(
  kind: CtaKind,
  channel: ChannelId,
  focus: ContentFocus,
  style: VoiceStyle,
): string {
  const verb = style.casual ? CTA_VERBS[kind].casual : CTA_VERBS[kind].formal;
  const mark = style.enthusiastic ? '!' : '.';
  if (channel === 'instagram') return endSentence(`${verb}: link in bio`, mark);
  if (channel === 'tiktok')
    return endSentence(style.casual ? 'Follow for more' : `${verb} via the link in our profile`, mark);
  if (focus.link) return `${verb}: ${focus.link}`;
  return endSentence(
    style.casual ? `${verb}, or drop us a message` : `${verb}: message us for details`,
    mark,
  );
}

// Emoji for a playful voice, by the first industry or product word that matches.
const INDUSTRY_EMOJI: ReadonlyArray<readonly [RegExp, string]> = [
  [/bak|bread|pastr|cake|bäck|brot|boulang|panad|padar|panett|bakker/iu, '🥐'],
  // Whole words: "tea" is in "teams", "café" in a bakery's description.
  [/\b(?:coffee|caf[eé]|tea|kaffee|koffie)\b/iu, '☕'],
  [/restaurant|food|kitchen|catering|pizza/iu, '🍽️'],
  [/fitness|gym|yoga|sport/iu, '💪'],
  [/beauty|salon|hair|spa|skin/iu, '💇'],
  [/fashion|cloth|apparel|shoe/iu, '👗'],
  [/software|saas|tech|app|digital/iu, '💻'],
  [/book|library|publish/iu, '📚'],
  [/garden|plant|flower|florist/iu, '🌱'],
  [/pet|dog|cat|vet/iu, '🐾'],
  [/travel|hotel|tour/iu, '✈️'],
  [/music|band|studio/iu, '🎵'],
  [/school|course|education|tutor/iu, '🎓'],
];

/** The emoji that suits the business, or ✨. */
export function industryEmoji(context: BusinessContext, focus: ContentFocus): string {
  const text = `${context.industry ?? ''} ${focus.product?.name ?? ''} ${context.description ?? ''}`;
  return INDUSTRY_EMOJI.find(([pattern]) => pattern.test(text))?.[1] ?? '✨';
}
