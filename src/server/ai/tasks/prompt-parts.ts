import type { z } from 'zod';
import type { Persona, Product } from '#shared/brand.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES_VERSION, channelRule } from '#shared/channels.js';
import { describeTone } from '../offline/voice.js';
import { DATA_FENCE_INSTRUCTION } from '../prompt-safety.js';
import type { ChatMessage } from '../provider.js';
import { jsonSchemaFor } from '../structured-output.js';
import type { BusinessContext } from '../task.js';

// The pieces every task prompt is made of: the business profile (docs/architecture.md, "AI": it feeds every AI call),
// the channel rules with their limits, the data-fence rule and the JSON answer format.

const listOr = (items: readonly string[], none: string) => (items.length ? items.join(', ') : none);

/** The business profile as prompt lines: who we are, how we sound, what we never say, whom we serve. */
export function describeBusiness(business: BusinessContext): string {
  const { voice, audiences, products, goals } = business.brand;
  const lines = [
    `Business: ${business.name}${business.industry ? ` (${business.industry})` : ''}.`,
    business.description ? `About: ${business.description}` : null,
    business.website ? `Website: ${business.website}` : null,
    `Locale: ${business.locale}; time zone: ${business.time_zone}.`,
    `Voice: ${describeTone(voice.tone)}.`,
    voice.personality.length ? `Personality: ${voice.personality.join(', ')}.` : null,
    `Words to use where natural: ${listOr(voice.words_to_use, 'none given')}.`,
    `Words to AVOID (never write these, in any form or hashtag): ${listOr(voice.words_to_avoid, 'none given')}.`,
    audiences.length ? `Audiences:\n${audiences.map((a) => `- ${audienceLine(a)}`).join('\n')}` : null,
    products.length ? `Products and offers:\n${products.map((p) => `- ${productLine(p)}`).join('\n')}` : null,
    goals.length ? `Business goals: ${goals.join('; ')}.` : null,
    voice.example_posts.length
      ? `Example posts in the brand's voice:\n${voice.example_posts.map((post) => `- ${post}`).join('\n')}`
      : null,
  ];
  return lines.filter(Boolean).join('\n');
}

/** One channel's rules in words, with the limits the output is held to afterwards. */
export function describeChannel(channel: ChannelId): string {
  const rule = channelRule(channel);
  const unit = {
    characters: 'characters',
    graphemes: 'graphemes (user-perceived characters)',
    emoji_bytes: 'characters, each emoji counting as its UTF-8 bytes',
    weighted: 'weighted characters: links count 23, emoji and CJK characters 2',
    sms_units: 'GSM-7 characters per segment (70 if any character needs Unicode); stay in one segment',
  }[rule.unit];
  const parts = [
    `${rule.name}: at most ${rule.limit} ${unit}`,
    rule.maxHashtags === 0
      ? 'no hashtags'
      : `at most ${rule.maxHashtags} hashtags (about ${rule.suggestedHashtags} is best)`,
    rule.maxLinks !== null ? `at most ${rule.maxLinks} links` : null,
    rule.previewLength
      ? `the first ${rule.previewLength} characters show before "more", so lead with the hook`
      : null,
    rule.title
      ? `${rule.title.label} at most ${rule.title.limit} characters${rule.title.warnOver ? ` (ideally ${rule.title.warnOver})` : ''}`
      : null,
    rule.preheaderLimit ? `preheader at most ${rule.preheaderLimit} characters` : null,
    rule.threads ? 'threads allowed, each post within the limit' : 'no threads',
  ];
  return `- ${parts.filter(Boolean).join('; ')}.`;
}

/** The system message: role, profile, channel rules, the data-fence rule. */
export function systemMessage(
  role: string,
  business: BusinessContext,
  channels: readonly ChannelId[],
  rules: readonly string[] = [],
): ChatMessage {
  const content = [
    role,
    '',
    describeBusiness(business),
    '',
    channels.length
      ? `Channel rules (version ${CHANNEL_RULES_VERSION}):\n${channels.map(describeChannel).join('\n')}`
      : null,
    ...rules,
    DATA_FENCE_INSTRUCTION,
  ];
  return { role: 'system', content: content.filter((line) => line !== null).join('\n') };
}

/** The closing instruction: answer with JSON matching the task's output schema. */
export function answerFormat(schema: z.ZodType): string {
  return `Answer with one JSON object only, matching this JSON Schema:\n${JSON.stringify(jsonSchemaFor(schema))}`;
}

/** Profile texts an output may repeat without counting as a system-prompt echo. */
export function allowedEchoes(business: BusinessContext): string[] {
  const { voice, products, audiences, goals } = business.brand;
  return [
    business.name,
    business.description ?? '',
    // Whole lines as the prompt writes them too, and a price followed by its description: a draft that
    // quotes a product's name, price and description together crosses from one to the next in the same words.
    ...products.flatMap((p) => [p.name, p.description, productLine(p), `${p.price ?? ''} ${p.description}`]),
    ...audiences.flatMap((a) => [a.name, a.description, ...a.pains, ...a.goals, audienceLine(a)]),
    ...goals,
    ...voice.example_posts,
  ].filter(Boolean);
}

/** A product as the prompt lists it: name, price, description and address. */
function productLine(p: Product): string {
  return `${p.name}${p.price ? ` (${p.price})` : ''}: ${p.description}${p.url ? ` ${p.url}` : ''}`;
}

/** An audience as the prompt lists it: name, description, pains and goals. */
function audienceLine(a: Persona): string {
  return `${a.name}: ${a.description}${a.pains.length ? ` Pains: ${a.pains.join('; ')}.` : ''}${a.goals.length ? ` Goals: ${a.goals.join('; ')}.` : ''}`;
}
