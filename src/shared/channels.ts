import type { ChannelId } from './channel-ids.js';
import { CHANNEL_RULES, type ChannelRule, type CountUnit, type TitleKind } from './channel-rules.js';
import {
  codePointCount,
  extractHashtags,
  extractUrls,
  graphemeCount,
  normalizeHashtags,
  type SmsSegmentation,
  smsSegments,
  splitGraphemes,
  threadsLength,
  xWeightedLength,
} from './channel-text.js';

// The channel registry's API: count text the way each network does, list what breaks its rules, and cut
// text so it fits. Used by the AI engine (to enforce limits after generation) and by the web previews.

export type { ChannelRule, CountUnit, TitleKind, Weekday } from './channel-rules.js';
export { CHANNEL_RULES, CHANNEL_RULES_VERSION } from './channel-rules.js';
export { normalizeHashtags, type SmsSegmentation, smsSegments } from './channel-text.js';

/** The rules of one channel. @example channelRule('bluesky').limit // 300 */
export function channelRule(channel: ChannelId): ChannelRule {
  return CHANNEL_RULES[channel];
}

/** A measurement of text against a channel's limit. */
export interface TextCount {
  count: number;
  limit: number;
  unit: CountUnit;
  over: boolean;
}

/** Options for a per-account limit, such as X Premium's 25,000. */
export interface LimitOptions {
  limit?: number;
}

function measure(unit: CountUnit, text: string): number {
  switch (unit) {
    case 'graphemes':
      return graphemeCount(text);
    case 'emoji_bytes':
      return threadsLength(text);
    case 'weighted':
      return xWeightedLength(text);
    case 'sms_units':
      return smsSegments(text).units;
    case 'characters':
      return codePointCount(text);
  }
}

/**
 * Count `text` as the channel counts it. For SMS the limit is one segment of the text's encoding (160
 * GSM-7 or 70 UCS-2), so `over` means "needs more than one message".
 * @example countText('bluesky', '👩‍👩‍👧 hi') // { count: 4, limit: 300, unit: 'graphemes', over: false }
 */
export function countText(channel: ChannelId, text: string, options: LimitOptions = {}): TextCount {
  const rule = CHANNEL_RULES[channel];
  const count = measure(rule.unit, text);
  const limit = options.limit ?? (rule.unit === 'sms_units' ? smsSinglePartLimit(text) : rule.limit);
  return { count, limit, unit: rule.unit, over: count > limit };
}

function smsSinglePartLimit(text: string): number {
  return smsSegments(text).encoding === 'GSM-7' ? 160 : 70;
}

/** The text as it is published: the body, then hashtags not already written in it. */
export function composePost(body: string, hashtags: readonly string[] = []): string {
  const inline = new Set(extractHashtags(body).map((tag) => tag.toLowerCase()));
  const extra = normalizeHashtags(hashtags, 30).filter((tag) => !inline.has(tag.toLowerCase()));
  return extra.length > 0 ? `${body.trimEnd()}\n\n${extra.join(' ')}` : body;
}

/** An SMS's character set: 160 GSM-7 characters fit in one message, 70 UCS-2 (an emoji, most scripts). */
export type SmsEncoding = SmsSegmentation['encoding'];

interface ChannelIssueBase {
  /** Where it is: `body`, `thread.0`, `hashtags`, `title`, `preheader`. */
  field: string;
  severity: 'error' | 'warning';
  /** The sentence in English, for API consumers and the server's field errors. */
  message: string;
  channel: ChannelId;
}

/**
 * What a validator found wrong. Errors block publishing; warnings are advice. Besides the English `message`,
 * each code carries the facts its sentence names, so another language can say it without reading the
 * English (the web app's src/web/lib/channel-issue-text.ts).
 */
export type ChannelIssue = ChannelIssueBase &
  (
    | { code: 'empty' | 'thread_unsupported' }
    /** A post's text, counted in the network's unit. */
    | { code: 'too_long'; part: 'text'; unit: CountUnit; count: number; limit: number }
    /** The subject, event title or Pin title, in characters. */
    | { code: 'too_long'; part: 'title'; title: TitleKind; count: number; limit: number }
    /** An email's preheader, in characters. */
    | { code: 'too_long'; part: 'preheader'; count: number; limit: number }
    | { code: 'too_many_hashtags' | 'too_many_links' | 'too_many_segments'; count: number; limit: number }
    /** An SMS longer than one message (`count` messages, `limit` 1). */
    | { code: 'multi_segment'; encoding: SmsEncoding; count: number; limit: number }
    /** A title longer than inboxes show (`limit`), though within the network's limit. */
    | { code: 'long_subject'; title: TitleKind; count: number; limit: number }
  );

/** A piece of content to check against a channel. */
export interface ChannelContent {
  body: string;
  hashtags?: readonly string[];
  /** Email subject or event title. */
  title?: string;
  preheader?: string;
  /** Further posts of a thread. */
  thread?: readonly string[];
}

/**
 * Everything in `content` that breaks the channel's rules (errors) or is unwise (warnings).
 * @example validateForChannel('threads', { body: 'Hi', hashtags: ['a', 'b'] })
 * // [{ field: 'hashtags', code: 'too_many_hashtags', severity: 'error', count: 2, limit: 1, … }]
 */
export function validateForChannel(
  channel: ChannelId,
  content: ChannelContent,
  options: LimitOptions = {},
): ChannelIssue[] {
  const rule = CHANNEL_RULES[channel];
  const issues: ChannelIssue[] = [];
  const posts = [content.body, ...(content.thread ?? [])];
  const published = composePost(content.body, content.hashtags);
  const { name } = rule;
  if (content.body.trim() === '') {
    issues.push({
      field: 'body',
      code: 'empty',
      severity: 'error',
      message: 'Write something to publish',
      channel,
    });
  }
  if (!rule.threads && (content.thread?.length ?? 0) > 0) {
    issues.push({
      field: 'thread',
      code: 'thread_unsupported',
      severity: 'error',
      message: `${name} does not take threads; merge the posts into one`,
      channel,
    });
  }
  posts.forEach((post, index) => {
    const field = index === 0 ? 'body' : `thread.${index - 1}`;
    issues.push(...lengthIssues(channel, field, index === 0 ? published : post, options));
    const links = new Set(extractUrls(post)).size;
    if (rule.maxLinks !== null && links > rule.maxLinks) {
      const limit = rule.maxLinks;
      const message = `${name} allows ${plural(limit, 'link')}; this has ${links}`;
      issues.push({ ...over(field, message, channel, links, limit), code: 'too_many_links' });
    }
  });
  const tags = new Set(
    [...(content.hashtags ?? []), ...posts.flatMap(extractHashtags)]
      .map((tag) => tag.replace(/^#/, '').toLowerCase())
      .filter(Boolean),
  ).size;
  if (tags > rule.maxHashtags) {
    const message = `${name} allows ${plural(rule.maxHashtags, 'hashtag')}; this has ${tags}`;
    issues.push({ ...over('hashtags', message, channel, tags, rule.maxHashtags), code: 'too_many_hashtags' });
  }
  if (rule.title && content.title !== undefined) issues.push(...titleIssues(rule, content.title));
  if (rule.preheaderLimit !== null && content.preheader !== undefined) {
    const length = codePointCount(content.preheader);
    if (length > rule.preheaderLimit) {
      const message = `Use at most ${rule.preheaderLimit} characters; this has ${length}`;
      issues.push({
        ...over('preheader', message, channel, length, rule.preheaderLimit),
        code: 'too_long',
        part: 'preheader',
      });
    }
  }
  return issues;
}

/** "1 hashtag", "2 hashtags": Threads allows one. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The parts every "over the limit" error shares; the caller adds its code and facts. */
function over(field: string, message: string, channel: ChannelId, count: number, limit: number) {
  return { field, severity: 'error' as const, message, channel, count, limit };
}

function lengthIssues(
  channel: ChannelId,
  field: string,
  text: string,
  options: LimitOptions,
): ChannelIssue[] {
  const rule = CHANNEL_RULES[channel];
  if (rule.unit === 'sms_units') {
    const sms = smsSegments(text);
    const maxSegments = rule.maxSegments ?? 1;
    if (sms.segments > maxSegments) {
      const message = `Send at most ${maxSegments} segments; this has ${sms.segments}`;
      return [{ ...over(field, message, channel, sms.segments, maxSegments), code: 'too_many_segments' }];
    }
    if (sms.segments > 1) {
      return [
        {
          field,
          code: 'multi_segment',
          severity: 'warning',
          message: `This ${sms.encoding} text is ${sms.segments} messages; each is billed`,
          channel,
          encoding: sms.encoding,
          count: sms.segments,
          limit: 1,
        },
      ];
    }
    return [];
  }
  const { count, limit, over: tooLong } = countText(channel, text, options);
  if (!tooLong) return [];
  const noun = rule.unit === 'graphemes' ? 'characters (graphemes)' : 'characters';
  const message = `${rule.name} allows ${limit} ${noun}; this has ${count}`;
  return [
    { ...over(field, message, channel, count, limit), code: 'too_long', part: 'text', unit: rule.unit },
  ];
}

function titleIssues(rule: ChannelRule, title: string): ChannelIssue[] {
  if (!rule.title) return [];
  const length = codePointCount(title);
  const { kind, label, limit, warnOver } = rule.title;
  if (length > limit) {
    const message = `The ${label} takes ${limit} characters; this has ${length}`;
    return [
      { ...over('title', message, rule.id, length, limit), code: 'too_long', part: 'title', title: kind },
    ];
  }
  if (warnOver !== null && length > warnOver) {
    return [
      {
        field: 'title',
        code: 'long_subject',
        severity: 'warning',
        message: `Inboxes show about ${warnOver} characters of a ${label}; this has ${length}`,
        channel: rule.id,
        title: kind,
        count: length,
        limit: warnOver,
      },
    ];
  }
  return [];
}

const ELLIPSIS = '…';
const SENTENCE_END = /[.!?…](?:["')\]]*)$/u;

/**
 * `text` cut so that it fits the channel: at the last sentence end when that keeps most of the text (no
 * ellipsis needed, the text reads as complete), else at the last word boundary followed by "…". Never
 * splits a grapheme (emoji, accents). Text that already fits comes back unchanged.
 * @example fitToChannel('x', 'Fresh bread daily. '.repeat(30)) // whole sentences, ≤ 280 weighted
 */
export function fitToChannel(channel: ChannelId, text: string, options: LimitOptions = {}): string {
  return fitWhile(text, (candidate) => !countText(channel, candidate, options).over);
}

/**
 * `text` cut the same way to at most `limit` code points: for subjects, titles and other plain fields.
 * @example fitToLength('Spring menu is here. Book now.', 24) // 'Spring menu is here.'
 */
export function fitToLength(text: string, limit: number): string {
  return fitWhile(text, (candidate) => codePointCount(candidate) <= limit);
}

function fitWhile(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const graphemes = splitGraphemes(text);
  // Largest prefix that fits with an ellipsis (binary search: length grows with the prefix).
  let low = 0;
  let high = graphemes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(graphemes.slice(0, mid).join('') + ELLIPSIS)) low = mid;
    else high = mid - 1;
  }
  const prefix = graphemes.slice(0, low).join('');
  const sentenceCut = lastSentenceEnd(prefix);
  if (sentenceCut >= prefix.length * 0.6 && sentenceCut > 0) return prefix.slice(0, sentenceCut).trimEnd();
  const wordCut = prefix.search(/\s\S*$/u);
  const words = (wordCut > 0 ? prefix.slice(0, wordCut) : prefix).replace(/[\s,;:\-–—]+$/u, '');
  return `${words || prefix}${ELLIPSIS}`;
}

function lastSentenceEnd(text: string): number {
  let best = 0;
  const pattern = /[.!?…]["')\]]*(?=\s)/gu;
  for (const match of text.matchAll(pattern)) best = match.index + match[0].length;
  if (SENTENCE_END.test(text)) best = text.length;
  return best;
}
