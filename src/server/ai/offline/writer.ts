import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import { channelRule, composePost, countText } from '#shared/channels.js';
import { avoidedWordMatcher } from '../checks/output-checks.js';
import type { BusinessContext } from '../task.js';
import { type BriefReading, readBrief } from './brief-reader.js';
import { focusFor } from './business-facts.js';
import { type ComposeRequest, composeCopy, composeNotice, PILLAR_ANGLES } from './compose.js';
import { factsFor, linkFor } from './copy-facts.js';
import { enforceDraft } from './enforce-draft.js';
import { LAYOUTS } from './formats.js';
import { deriveHashtags } from './hashtags.js';
import { type Acceptable, acceptAll, pickLine } from './phrase-picker.js';
import { phraseBank, writerLanguage } from './phrasebank/index.js';
import type { Angle, Facts, PillarKind } from './phrasebank/types.js';
import { industryEmoji } from './phrases.js';
import { isProposedPillar, pillarKindOf } from './pillar-kind.js';
import { createRandom, hashSeed } from './prng.js';
import { voiceStyle } from './voice.js';

// The offline writer: the brief decides what kind of piece to write and which product and audience it is
// about; the words come from the phrase bank of the business's language and the facts of its profile.

/** What to write. */
export interface WriteRequest {
  channel: ChannelId;
  format: ContentFormat;
  brief: string;
  pillar?: string | undefined;
  /** The language asked for; else the business's locale. */
  language?: string | undefined;
  /** 0 for the first variant; each variant takes another angle. */
  variant: number;
  /** Whether a sentence may be printed; by default, one without a word the brand avoids. */
  acceptable?: Acceptable;
}

/** The room left for a body once the hashtags published with it are counted. */
function bodyLimit(channel: ChannelId, hashtags: readonly string[]): number | undefined {
  if (hashtags.length === 0) return undefined;
  const tagCost = countText(channel, composePost('x', hashtags)).count - countText(channel, 'x').count;
  return channelRule(channel).limit - tagCost;
}

/** The default check: a sentence without any of the brand's words to avoid. */
export function withoutWordsToAvoid(wordsToAvoid: readonly string[], language = 'en'): Acceptable {
  if (wordsToAvoid.length === 0) return acceptAll;
  // The same matcher the output checks use: inflections and compounds count ("billiges", "#CheapEats").
  const matcher = avoidedWordMatcher(wordsToAvoid, language);
  return (sentence) => !matcher.has(sentence);
}

/** The angle of a variant: the pillar's angles in a seeded order, an offer only with a price. */
export function angleFor(
  pillar: PillarKind,
  format: ContentFormat,
  facts: Facts,
  seed: number,
  variant: number,
): Angle {
  // A list needs room for its points: not in an SMS, a story frame or an ad.
  const listFits = format !== 'sms' && format !== 'story' && format !== 'ad';
  const angles = PILLAR_ANGLES[pillar].filter(
    (angle) => (angle !== 'offer' || facts.price !== null) && (angle !== 'list' || listFits),
  );
  return angles[(seed + variant) % angles.length] ?? 'story';
}

/** A formal voice makes no exclamations; the banks' sentences already suit each register. */
function inVoice(text: string, formal: boolean): string {
  return formal ? text.replace(/!/gu, '.') : text;
}

function titleOf(reading: BriefReading, request: ComposeRequest, limit: number, email: boolean): string {
  const { bank, facts, random, variant, acceptable, pillar } = request;
  const fits = (line: string) => acceptable(line) && line.length <= limit;
  if (reading.kind === 'notice') return bank.notice.subject(facts) ?? facts.name;
  if (reading.title && fits(reading.title)) return reading.title;
  const generated = email
    ? pickLine(bank.subjects[request.angle], facts, random, variant, fits)
    : pickLine(bank.titles[pillar], facts, random, variant, fits);
  return generated ?? pickLine(bank.titles.general, facts, random, variant, fits) ?? facts.name;
}

/**
 * One draft from the business profile, deterministic for the same request and business, in the business's
 * language (or the one asked for): copy built from profile facts by angle, laid out for the format, with
 * hashtags from products, pillar, industry and name, fitted to the channel.
 * @example writeDraft({ channel: 'x', format: 'post', brief: 'Our spring menu', variant: 0 }, business)
 */
export function writeDraft(request: WriteRequest, business: BusinessContext): ContentDraft {
  const { language, supported, wanted } = writerLanguage(request.language, business.locale);
  const bank = phraseBank(language);
  const style = voiceStyle(business.brand.voice.tone);
  const wordsToAvoid = business.brand.voice.words_to_avoid;
  const acceptable = request.acceptable ?? withoutWordsToAvoid(wordsToAvoid, language);
  const seed = hashSeed('offline-writer', request.channel, request.format, request.brief, request.pillar);
  const random = createRandom(seed);
  const reading = readBrief(request.brief, bank);
  const pillar = pillarKindOf(request.pillar);
  // A planned title the plan had to number ("Meet Ledger Pro (3)") shares its words with earlier items:
  // its number moves every choice on, so the copy differs from theirs too.
  const repeat = request.pillar ? Number(/\((\d+)\)$/u.exec(reading.title ?? '')?.[1] ?? 1) - 1 : 0;
  const variant = request.variant + repeat;
  const facts = factsFor(
    {
      brief: request.brief,
      language,
      style,
      turn: variant,
      // A topic is printed only for a brief written by a person (the planner's come with a pillar).
      topic: request.pillar ? null : reading.topic,
      skipTopicNaming: true,
    },
    business,
    random,
  );
  const angle = angleFor(pillar, request.format, facts, seed, variant);
  const compose: ComposeRequest = {
    bank,
    facts,
    angle,
    pillar,
    kind: reading.kind === 'notice' ? 'learn' : reading.kind,
    channel: request.channel,
    link: linkFor(business, facts.product),
    random,
    variant,
    acceptable,
    enthusiastic: style.enthusiastic,
  };
  const notice = reading.kind === 'notice';
  const copy = notice ? composeNotice(compose, reading.notice) : composeCopy(compose);
  const voiced = {
    ...copy,
    hook: inVoice(copy.hook, style.formal),
    lines: copy.lines.map((line) => inVoice(line, style.formal)),
    bullets: copy.bullets.map((line) => inVoice(line, style.formal)),
    cta: inVoice(copy.cta, style.formal),
  };
  const email = request.format === 'email' || request.channel === 'email';
  const emoji =
    style.playful && !notice && request.channel !== 'sms' && !email
      ? industryEmoji(business, focusFor(request.brief, business, random))
      : null;
  const hashtags = deriveHashtags({
    bank,
    productNames: notice
      ? []
      : [facts.product, ...business.brand.products.map((product) => product.name)].filter(
          (name): name is string => Boolean(name),
        ),
    pillarKind: notice ? 'general' : pillar,
    customPillar: request.pillar && !isProposedPillar(request.pillar) && !notice ? request.pillar : null,
    industry: notice ? null : business.industry,
    businessName: business.name,
    count: channelRule(request.channel).suggestedHashtags,
    acceptable,
  });
  const title = titleOf(reading, compose, 200, false);
  const laidOut = LAYOUTS[request.format]({
    channel: request.channel,
    bank,
    facts,
    copy: voiced,
    title,
    // A planned item's title is copy the planner wrote and unique in its plan (a person's brief may be an
    // instruction); without the register's "(2)" it opens a thread.
    headline: request.pillar && !notice ? title.replace(/\s*\(\d+\)$/u, '') : null,
    subject: titleOf(reading, compose, 60, true),
    emoji,
    bodyLimit: bodyLimit(request.channel, hashtags),
    random,
    variant,
    acceptable,
  });
  const note = supported
    ? ''
    : ` Note: the offline writer has no phrases for ${wanted} and wrote English; connect an AI provider to write in ${wanted}.`;
  const draft: ContentDraft = { ...laidOut, hashtags, media_brief: `${laidOut.media_brief}${note}`.trim() };
  // Limits only: sentences with a word to avoid were never chosen, and deleting words breaks sentences.
  return enforceDraft(request.channel, request.format, draft, [], language);
}
