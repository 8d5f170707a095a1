import { normalizeHashtags } from '#shared/channels.js';
import { findWordsToAvoid } from '../prompt-safety.js';
import type { BusinessContext } from '../task.js';
import type { ContentFocus } from './business-facts.js';
import { pascalCase } from './text-tools.js';

/**
 * Hashtags for a piece, most specific first: the product, the pillar, the brief's keywords, the industry,
 * then the business name. None contains a word the brand avoids.
 * @example deriveHashtags(focus, context, 'Behind the scenes', 3) // ['#RyeSourdough', '#BehindTheScenes', '#Bakery']
 */
export function deriveHashtags(
  focus: ContentFocus,
  context: BusinessContext,
  pillar: string | undefined,
  count: number,
): string[] {
  if (count <= 0) return [];
  const candidates = [
    focus.product?.name,
    pillar,
    topicTag(focus.topic),
    ...focus.keywords.filter((word) => word.length >= 4).slice(0, 3),
    context.industry,
    context.name,
  ]
    .filter((value): value is string => Boolean(value))
    .map(pascalCase)
    .filter((tag) => tag.length >= 3 && tag.length <= 30)
    .filter((tag) => findWordsToAvoid(splitPascal(tag), context.brand.voice.words_to_avoid).length === 0);
  return normalizeHashtags(candidates, count);
}

/** "RyeSourdough" → "Rye Sourdough", so words to avoid are found inside compound tags. */
function splitPascal(tag: string): string {
  return tag.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

/** The topic phrase for one tag when it is short enough to read: "our new close checklist" → "close checklist". */
function topicTag(topic: string): string | undefined {
  const core = topic.replace(/^(?:(?:our|the|a|an|your|my|new|latest|this|these)\s+)+/iu, '').trim();
  const words = core.split(/\s+/u).length;
  return pascalCase(core).length <= 22 && words >= 2 && words <= 3 ? core : undefined;
}
