import type { RewriteContentInput, RewriteContentOutput } from '#shared/ai-tasks.schema.js';
import { extractHashtags, extractUrls } from '#shared/channel-text.js';
import { channelRule, countText, fitToChannel, normalizeHashtags } from '#shared/channels.js';
import { removeWordsToAvoid } from '../prompt-safety.js';
import type { BusinessContext } from '../task.js';
import { focusFor } from './business-facts.js';
import { translateCommonPhrases } from './phrasebook.js';
import { audienceLine, callToAction, ctaKind, hookLine, industryEmoji, wordsToUseLine } from './phrases.js';
import { createRandom, hashSeed } from './prng.js';
import { endSentence, splitSentences } from './text-tools.js';
import { contract, expandContractions, missingWordsToUse, voiceStyle } from './voice.js';

// Rewrites without a model: shorten by dropping filler and middle sentences, expand with facts from the
// profile, shift tone with contractions, punctuation and emoji, vary the opening, translate known phrases.

const FILLER = /\b(?:really|very|just|actually|basically|literally|truly|quite|simply|totally)\s+/giu;
const EMOJI = /\s*\p{Extended_Pictographic}\uFE0F?/gu;

function shorten(text: string, channel: RewriteContentInput['channel']): string {
  const target = Math.min(
    countText(channel, text).limit,
    Math.max(40, Math.round(countText(channel, text).count * 0.6)),
  );
  const sentences = splitSentences(text.replace(FILLER, ''));
  // Keep the opening and the sentence carrying the link or call to action; drop from the middle out.
  const keep = (sentence: string, index: number) => index === 0 || extractUrls(sentence).length > 0;
  const kept = [...sentences];
  for (
    let index = kept.length - 2;
    index > 0 && countText(channel, kept.join(' ')).count > target;
    index -= 1
  ) {
    if (!keep(kept[index] ?? '', index)) kept.splice(index, 1);
  }
  return fitToChannel(channel, kept.join(' '), { limit: target });
}

function expand(input: RewriteContentInput, business: BusinessContext): string {
  const style = voiceStyle(business.brand.voice.tone);
  const focus = focusFor(input.text, business, createRandom(hashSeed('expand', input.text)));
  const additions = [
    focus.benefit,
    audienceLine(focus, business, style),
    wordsToUseLine(missingWordsToUse(business.brand.voice, input.text, 2), style),
    extractUrls(input.text).length ? null : callToAction(ctaKind(input.text), input.channel, focus, style),
  ].filter((line): line is string => Boolean(line) && !input.text.includes(line ?? ''));
  const separator = channelRule(input.channel).limit > 500 ? '\n\n' : ' ';
  return [endSentence(input.text), ...additions].join(separator);
}

function shiftTone(text: string, tone: string, business: BusinessContext): string {
  const formal = /formal|professional|serious|polished|corporate|neutral/iu.test(tone);
  if (formal) return expandContractions(text).replace(EMOJI, '').replace(/!+/gu, '.');
  let result = contract(text);
  if (/playful|fun|witty|light/iu.test(tone) && !/\p{Extended_Pictographic}/u.test(result)) {
    const emoji = industryEmoji(business, focusFor(text, business, createRandom(1)));
    result = result.replace(/([.!?])(\s|$)/u, ` ${emoji}$1$2`);
  }
  if (/enthusias|excit|energetic|bold|playful|fun/iu.test(tone)) result = result.replace(/\.(\s|$)/u, '!$1');
  return result;
}

function variant(input: RewriteContentInput, business: BusinessContext): string {
  const style = voiceStyle(business.brand.voice.tone);
  const focus = focusFor(input.text, business, createRandom(hashSeed('variant', input.text)));
  const [, ...rest] = splitSentences(input.text);
  const hook = hookLine(
    { ...focus, topic: focus.product?.name ?? focus.topic },
    business,
    style,
    createRandom(hashSeed(input.text)),
    1,
  );
  return [hook, ...rest].join(' ');
}

function translate(input: RewriteContentInput): string {
  const language = input.language ?? 'en';
  const { text, complete } = translateCommonPhrases(input.text, language);
  return complete
    ? text
    : `[Offline mode: only common phrases were translated to ${language}; connect an AI provider for a full translation]\n${text}`;
}

/**
 * A rewrite of `input.text` in the brand's voice, without words to avoid, fitted to the channel.
 * @example rewriteOffline({ channel: 'x', text: '…', mode: 'shorten' }, business)
 */
export function rewriteOffline(input: RewriteContentInput, business: BusinessContext): RewriteContentOutput {
  const rewritten = {
    shorten: () => shorten(input.text, input.channel),
    expand: () => expand(input, business),
    tone: () => shiftTone(input.text, input.tone ?? '', business),
    variant: () => variant(input, business),
    translate: () => translate(input),
  }[input.mode]();
  const clean = removeWordsToAvoid(rewritten, business.brand.voice.words_to_avoid);
  const text = fitToChannel(input.channel, clean.trim() || input.text);
  return { text, hashtags: normalizeHashtags(extractHashtags(text), channelRule(input.channel).maxHashtags) };
}
