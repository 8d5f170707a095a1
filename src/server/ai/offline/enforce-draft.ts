import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import {
  channelRule,
  composePost,
  countText,
  fitToChannel,
  fitToLength,
  normalizeHashtags,
} from '#shared/channels.js';
import { findWordsToAvoid, removeWordsToAvoid } from '../prompt-safety.js';
import { smsOptOutLine } from './phrasebank/index.js';
import { fitSms } from './sms.js';

// Channel limits and brand rules applied to a draft after it was written, whoever wrote it: the offline
// writer runs its drafts through here, and so does writeContent's finalize for a model's drafts.

const MAX_THREAD_POSTS = 25;

/** The longest body that still leaves room for the hashtags appended when publishing. */
function bodyBudget(channel: ChannelId, body: string, hashtags: readonly string[]): number | undefined {
  if (hashtags.length === 0) return undefined;
  const rule = channelRule(channel);
  const withTags = countText(channel, composePost(body, hashtags)).count;
  const bare = countText(channel, body).count;
  return rule.limit - (withTags - bare);
}

/**
 * `draft` made to follow the channel: hashtags normalised and capped, words to avoid removed, thread posts
 * merged where the channel has no threads, every post and field cut to its limit; an SMS is fitted in
 * whole sentences in GSM-7 and ends with the opt-out line of `language` (a code or locale).
 * @example enforceDraft('threads', 'post', draft, ['cheap'], 'en').hashtags.length // ≤ 1
 */
export function enforceDraft(
  channel: ChannelId,
  format: ContentFormat,
  draft: ContentDraft,
  wordsToAvoid: readonly string[],
  language: string,
): ContentDraft {
  const rule = channelRule(channel);
  // Only text that carries a word to avoid is rewritten: the removal also tidies spacing and capitals, which
  // would change correct text ("Vom 24. bis 26." is not two sentences).
  const clean = (text: string) =>
    findWordsToAvoid(text, wordsToAvoid).length ? removeWordsToAvoid(text, wordsToAvoid) : text;
  const hashtags = normalizeHashtags(draft.hashtags, rule.maxHashtags).filter(
    (tag) => findWordsToAvoid(tag.slice(1), wordsToAvoid).length === 0,
  );
  let body = clean(draft.body);
  let thread = draft.thread.map(clean).filter((post) => post.trim() !== '');
  if (!rule.threads && thread.length > 0) {
    body = [body, ...thread].join('\n\n');
    thread = [];
  }
  thread = thread.slice(0, MAX_THREAD_POSTS).map((post) => fitToChannel(channel, post));
  if (channel === 'sms') body = fitSms(body, smsOptOutLine(language, language), rule.maxSegments ?? 1);
  else {
    const budget = bodyBudget(channel, body, hashtags);
    body = fitToChannel(channel, body, budget === undefined ? {} : { limit: budget });
  }
  // Where the title is published (an email subject, a Business Profile event title) its limit applies,
  // otherwise the schema's 200 for an internal title.
  const titleRule = rule.title ?? (format === 'email' ? channelRule('email').title : null);
  const titleLimit = titleRule?.limit ?? 200;
  const title = fitToLength(clean(draft.title), titleLimit);
  return {
    title,
    body: body.trim() === '' ? draft.body : body,
    thread,
    hashtags,
    call_to_action: fitToLength(clean(draft.call_to_action), 200),
    media_brief: fitToLength(clean(draft.media_brief), 500),
    preheader: fitToLength(clean(draft.preheader), rule.preheaderLimit ?? 140),
  };
}
