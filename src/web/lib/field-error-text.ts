import type { i18n as I18n } from 'i18next';
import { getI18n } from 'react-i18next';
import type { MediaIssue } from '#shared/channel-media.js';
import { CHANNEL_RULES, type ChannelIssue } from '#shared/channels.js';
import type { FieldError } from '#shared/problem.schema.js';
import { channelIssueText, mediaIssueText } from './channel-issue-text.js';
import { translateFieldMessage } from './field-messages.js';

// The server refuses a post that breaks a channel's rules with the same issues the editor finds itself
// (src/shared/channels.ts, channel-media.ts): each field error carries the issue's facts besides its English
// message, so the refusal reads in the reader's language like the editor's own notes.

/** Every code of each union, so a new code must be placed here (the compiler says so). */
const CHANNEL_CODES: Record<ChannelIssue['code'], true> = {
  empty: true,
  too_long: true,
  too_many_hashtags: true,
  too_many_links: true,
  too_many_segments: true,
  multi_segment: true,
  long_subject: true,
  thread_unsupported: true,
};
const MEDIA_CODES: Record<MediaIssue['code'], true> = {
  too_many_images: true,
  too_many_videos: true,
  mixed_media: true,
  media_not_accepted: true,
  media_required: true,
  video_required: true,
  video_unsuitable: true,
  alt_text_required: true,
};

/**
 * A field error from the server in the interface's language: a channel or media rule's issue from its
 * facts, any other message through the validation catalogue (field-messages.ts).
 *
 * @example fieldErrorText({ path: 'body.hashtags', code: 'too_many_hashtags', message: 'Threads allows 1 hashtag; this has 2', facts }) // 'Threads accepte au plus 1 hashtag ; ce texte en compte 2'
 */
export function fieldErrorText(error: FieldError, i18n: I18n | undefined = getI18n()): string {
  const facts = error.facts;
  const channel = facts?.channel;
  const code = facts?.code;
  if (
    !i18n ||
    !facts ||
    typeof channel !== 'string' ||
    !Object.hasOwn(CHANNEL_RULES, channel) ||
    typeof code !== 'string' ||
    !i18n.hasLoadedNamespace('channels')
  ) {
    return translateFieldMessage(error.message, i18n);
  }
  const t = i18n.getFixedT(null, 'channels');
  // The facts come from our own server, written from the same shared types the editor checks with.
  if (Object.hasOwn(CHANNEL_CODES, code)) {
    return channelIssueText(
      { ...facts, field: '', severity: 'error', message: error.message } as ChannelIssue,
      t,
    );
  }
  if (Object.hasOwn(MEDIA_CODES, code)) {
    return mediaIssueText({ ...facts, path: error.path, message: error.message } as MediaIssue, t);
  }
  return translateFieldMessage(error.message, i18n);
}
