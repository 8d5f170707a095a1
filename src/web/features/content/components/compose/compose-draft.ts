import type { TFunction } from 'i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import { type MediaCheckStage, type MediaIssue, mediaIssues } from '#shared/channel-media.js';
import { type ChannelIssue, composePost, countText, validateForChannel } from '#shared/channels.js';
import type { ComposeIntent } from '#shared/compose.schema.js';
import type { ContentMedia } from '#shared/content.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { channelIssueText, mediaIssueText } from '#web/lib/channel-issue-text.js';
import { fieldErrorText } from '#web/lib/field-error-text.js';
import type { ComposePostRequest } from '../../api/compose-post.js';

// The composer's state as plain data, and the checks it shows while typing: the same channel and media
// rules the server applies, so what the tabs say is what the server will answer.

/** One network's own text; `tailored` once a person or the AI changed it from the base text. */
export interface VariantDraft {
  body: string;
  hashtags: string[];
  tailored: boolean;
}

export interface ComposeDraft {
  title: string;
  brief: string;
  base: string;
  campaignId: string;
  channels: ChannelId[];
  variants: Partial<Record<ChannelId, VariantDraft>>;
  media: ContentMedia[];
  intent: ComposeIntent;
  /** `YYYY-MM-DDTHH:MM` in the workspace's zone. */
  scheduledLocal: string;
}

/** A channel's variant as shown: the base text until it is tailored. */
export function variantOf(draft: ComposeDraft, channel: ChannelId): VariantDraft {
  return draft.variants[channel] ?? { body: draft.base, hashtags: [], tailored: false };
}

const STAGE: Record<ComposeIntent, MediaCheckStage> = {
  draft: 'save',
  review: 'submit',
  schedule: 'schedule',
  queue: 'schedule',
};

/** One line under a tab: what blocks saving (`error`) or is only advice (`warning`), a text or a media rule. */
export type VariantNote =
  | { severity: 'error' | 'warning'; rule: ChannelIssue }
  | { severity: 'error'; media: MediaIssue };

/** The note in the reader's language. */
export function variantNoteText(note: VariantNote, t: TFunction<'channels'>): string {
  return 'rule' in note ? channelIssueText(note.rule, t) : mediaIssueText(note.media, t);
}

/** What the channel's rules say about its variant now, with its length counted the network's way. */
export function checkVariant(draft: ComposeDraft, channel: ChannelId) {
  const variant = variantOf(draft, channel);
  const measured = countText(channel, composePost(variant.body, variant.hashtags));
  const notes: VariantNote[] = validateForChannel(channel, {
    body: variant.body,
    hashtags: variant.hashtags,
  })
    .filter((issue) => issue.code !== 'empty' || draft.intent !== 'draft')
    .map((issue) => ({ severity: issue.severity, rule: issue }));
  for (const issue of mediaIssues(channel, draft.media, STAGE[draft.intent])) {
    notes.push({ severity: 'error', media: issue });
  }
  return { measured, notes, blocked: notes.some((note) => note.severity === 'error') };
}

/** The request for the server: a variant per picked channel, keyed by channel. */
export function requestOf(draft: ComposeDraft, scheduledAt: string | null): ComposePostRequest {
  const variants: ComposePostRequest['variants'] = {};
  for (const channel of draft.channels) {
    const { body, hashtags } = variantOf(draft, channel);
    variants[channel] = { format: 'post', body, hashtags, thread: [], call_to_action: '', preheader: '' };
  }
  return {
    title: draft.title.trim(),
    brief: draft.brief.trim(),
    pillar: null,
    campaign_id: draft.campaignId || null,
    media_ids: draft.media.map((item) => item.id),
    variants,
    intent: draft.intent,
    scheduled_at: draft.intent === 'queue' ? null : scheduledAt,
  };
}

/** The server's refusals for one channel (`body.variants.<channel>.…`), as messages for its tab. */
export function serverErrorsFor(errors: readonly FieldError[], channel: ChannelId): string[] {
  const prefix = `body.variants.${channel}.`;
  // The server's messages start with the network's (English) name, which the panel already says.
  return errors
    .filter((error) => error.path.startsWith(prefix))
    .map((error) => fieldErrorText({ ...error, message: error.message.replace(/^[^:]+: /, '') }));
}
