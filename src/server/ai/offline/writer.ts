import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import { channelRule } from '#shared/channels.js';
import type { BusinessContext } from '../task.js';
import { type ContentFocus, focusFor } from './business-facts.js';
import { enforceDraft } from './enforce-draft.js';
import {
  type DraftPieces,
  type LaidOut,
  layOutAd,
  layOutBlogOutline,
  layOutEmail,
  layOutPost,
  layOutReelScript,
  layOutSms,
  layOutStory,
  layOutThread,
} from './formats.js';
import { deriveHashtags } from './hashtags.js';
import { audienceLine, callToAction, ctaKind, hookLine, industryEmoji, wordsToUseLine } from './phrases.js';
import { createRandom, hashSeed } from './prng.js';
import { decapitalize } from './text-tools.js';
import { contract, expandContractions, missingWordsToUse, type VoiceStyle, voiceStyle } from './voice.js';

/** What to write. */
export interface WriteRequest {
  channel: ChannelId;
  format: ContentFormat;
  brief: string;
  pillar?: string | undefined;
  /** The language asked for; the offline writer writes English and says so for any other. */
  language?: string | undefined;
  /** 0 for the first variant; each variant rotates to different phrasings. */
  variant: number;
}

const LAYOUTS: Record<ContentFormat, (pieces: DraftPieces) => LaidOut> = {
  post: layOutPost,
  thread: layOutThread,
  story: layOutStory,
  reel_script: layOutReelScript,
  email: layOutEmail,
  ad: layOutAd,
  blog_outline: layOutBlogOutline,
  sms: layOutSms,
};

function inVoice(text: string, style: VoiceStyle): string {
  if (style.casual) return contract(text);
  if (style.formal) return expandContractions(text).replace(/!/gu, '.');
  return text;
}

function piecesFor(
  request: WriteRequest,
  focus: ContentFocus,
  business: BusinessContext,
  style: VoiceStyle,
): DraftPieces {
  const random = createRandom(hashSeed('pieces', request.brief, request.channel, business.name));
  const voice = business.brand.voice;
  const hook = hookLine(focus, business, style, random, request.variant);
  const benefit = focus.benefit;
  const draftSoFar = `${hook} ${benefit}`;
  const price = focus.product?.price
    ? `${style.formal ? 'Available from' : 'From'} ${focus.product.price}.`
    : null;
  const emoji =
    style.playful && request.channel !== 'sms' && request.channel !== 'email'
      ? industryEmoji(business, focus)
      : null;
  return {
    channel: request.channel,
    businessName: business.name,
    topic: focus.topic,
    productName: focus.product?.name ?? null,
    audienceName: focus.audience ? decapitalize(focus.audience.name) : null,
    hook: inVoice(hook, style),
    benefit,
    audience: audienceLine(focus, business, style),
    wordsToUse: wordsToUseLine(missingWordsToUse(voice, draftSoFar, 2), style),
    price,
    cta: inVoice(callToAction(ctaKind(request.brief), request.channel, focus, style), style),
    emoji,
    greeting: style.casual ? 'Hi there,' : style.formal ? 'Dear customer,' : 'Hello,',
    signOff: `${style.casual ? 'Cheers' : 'Kind regards'},\nThe ${business.name} team`,
  };
}

/**
 * One draft from the business profile, deterministic for the same request and business: a hook, a benefit
 * grounded in a product or the description, the audience, the brand's words, a call to action and
 * hashtags, laid out for the format and fitted to the channel.
 * @example writeDraft({ channel: 'x', format: 'post', brief: 'Our spring menu', variant: 0 }, business)
 */
export function writeDraft(request: WriteRequest, business: BusinessContext): ContentDraft {
  const style = voiceStyle(business.brand.voice.tone);
  const random = createRandom(
    hashSeed('focus', request.channel, request.format, request.brief, request.pillar),
  );
  const focus = focusFor(request.brief, business, random, request.variant);
  const laidOut = LAYOUTS[request.format](piecesFor(request, focus, business, style));
  const hashtags = deriveHashtags(
    focus,
    business,
    request.pillar,
    channelRule(request.channel).suggestedHashtags,
  );
  const note =
    request.language && !request.language.startsWith('en')
      ? ` Note: the offline writer writes English; connect an AI provider to write in ${request.language}.`
      : '';
  const draft: ContentDraft = { ...laidOut, hashtags, media_brief: `${laidOut.media_brief}${note}`.trim() };
  return enforceDraft(request.channel, request.format, draft, business.brand.voice.words_to_avoid);
}
