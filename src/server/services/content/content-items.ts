import type { ContentItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { OutputNote } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { type ChannelIssue, validateForChannel } from '#shared/channels.js';
import type { ContentItem, ContentMedia, ContentWarning } from '#shared/content.schema.js';
import type { FieldError } from '#shared/problem.schema.js';

// Mapping between content rows and the API, and the channel rules every save must pass.

/** The parts of an item the channel rules look at. */
export interface ChannelFields {
  channel: ChannelId;
  title: string;
  body: string;
  thread: readonly string[];
  hashtags: readonly string[];
  preheader: string;
}

function channelIssues(fields: ChannelFields) {
  return validateForChannel(fields.channel, {
    body: fields.body,
    thread: fields.thread,
    hashtags: fields.hashtags,
    // The title is the email subject on email; elsewhere it is an internal label no network sees.
    ...(fields.channel === 'email' ? { title: fields.title, preheader: fields.preheader } : {}),
    // Ideas and drafts may still be empty; an empty body is refused when the item is submitted instead.
  }).filter((issue) => issue.code !== 'empty');
}

/** The hard rules the fields break (what `checkChannelRules` refuses), as the registry words them. */
export function channelRuleErrors(fields: ChannelFields) {
  return channelIssues(fields).filter((issue) => issue.severity === 'error');
}

/**
 * Refuse text that breaks the channel's hard rules (422 `over_channel_limit`, each limit and count in
 * `errors[]`); return the advice that does not block saving.
 * @example checkChannelRules({ channel: 'x', body: 'a'.repeat(281), … }) // throws "X allows 280 characters; this has 281"
 */
export function checkChannelRules(fields: ChannelFields): ContentWarning[] {
  const issues = channelIssues(fields);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const first = errors[0];
  if (first) {
    throw new AppError('over_channel_limit', first.message, {
      errors: errors.map((issue) => channelIssueFieldError(issue)),
    });
  }
  return warningsOf(issues);
}

/**
 * A channel rule's issue as a field error at `path` (its field's, unless given), with the facts its message
 * names beside it, for a client that words it in another language.
 */
export function channelIssueFieldError(issue: ChannelIssue, path = `body.${issue.field}`): FieldError {
  const { field: _field, message, severity: _severity, ...facts } = issue;
  return { path, message, code: issue.code, facts };
}

function warningsOf(issues: ReturnType<typeof channelIssues>): ContentWarning[] {
  return issues
    .filter((issue) => issue.severity === 'warning')
    .map((issue) => ({ field: issue.field, code: issue.code, message: issue.message }));
}

/** A stored row parsed into its channel fields. */
export function channelFieldsOf(row: ContentItemRow): ChannelFields {
  return {
    channel: row.channel,
    title: row.title,
    body: row.body,
    thread: JSON.parse(row.thread) as string[],
    hashtags: JSON.parse(row.hashtags) as string[],
    preheader: row.preheader,
  };
}

// A row's advice depends only on its text, which its version pins (every change bumps it), so listing the
// same calendar again reuses it: counting and pattern matching were a fifth of a month view's time.
const WARNINGS_CACHE_SIZE = 20_000;
const warningsByVersion = new Map<string, ContentWarning[]>();

function warningsFor(row: ContentItemRow, fields: ChannelFields): ContentWarning[] {
  const key = `${row.id}@${row.version}`;
  const cached = warningsByVersion.get(key);
  if (cached) return cached;
  const warnings = [...warningsOf(channelIssues(fields)), ...aiWarningsOf(row)];
  if (warningsByVersion.size >= WARNINGS_CACHE_SIZE) {
    warningsByVersion.delete(warningsByVersion.keys().next().value as string);
  }
  warningsByVersion.set(key, warnings);
  return warnings;
}

/** What the AI checks flagged on the draft a row was saved from (see migration 0013). */
export function aiWarningsOf(row: Pick<ContentItemRow, 'ai_warnings'>): ContentWarning[] {
  return JSON.parse(row.ai_warnings) as ContentWarning[];
}

/**
 * The checks' notes on variant `index` of a written answer (`variants.0.body`), as warnings on the item saved
 * from it (`body`).
 */
export function draftWarnings(notes: readonly OutputNote[] | undefined, index: number): ContentWarning[] {
  const variant = `variants.${index}`;
  return (notes ?? [])
    .filter((note) => note.field === variant || note.field.startsWith(`${variant}.`))
    .map((note) => ({
      // A note on the whole variant (its language) is about the text people read: the body.
      field: note.field.slice(variant.length + 1).split('.')[0] || 'body',
      code: note.code,
      message: note.message,
    }));
}

/**
 * The AI's flags still standing after a person changed `changed` fields: editing a field is taking it over,
 * so the flags on it go. `undefined` when nothing is dropped.
 */
export function aiWarningsAfterEdit(
  row: Pick<ContentItemRow, 'ai_warnings'>,
  changed: readonly string[],
): string | undefined {
  const before = aiWarningsOf(row);
  const after = before.filter((warning) => !changed.includes(warning.field));
  return after.length === before.length ? undefined : JSON.stringify(after);
}

/**
 * The API shape of a row, with the channel's current advice and the AI's standing flags on it, and its
 * attached media (content-media.ts loads them for many rows at once).
 */
export function toContentItem(row: ContentItemRow, media: readonly ContentMedia[]): ContentItem {
  const fields = channelFieldsOf(row);
  return {
    id: row.id,
    business_id: row.business_id,
    campaign_id: row.campaign_id,
    channel: row.channel,
    format: row.format,
    title: row.title,
    body: row.body,
    thread: [...fields.thread],
    hashtags: [...fields.hashtags],
    call_to_action: row.call_to_action,
    media_brief: row.media_brief,
    preheader: row.preheader,
    pillar: row.pillar,
    scheduled_at: row.scheduled_at,
    status: row.status,
    published_at: row.published_at,
    publish_error: row.publish_error,
    variant_group: row.variant_group,
    post_group: row.post_group,
    evergreen_days: row.evergreen_days,
    evergreen_of: row.evergreen_of,
    version: row.version,
    ai_call_id: row.ai_call_id,
    created_by: row.created_by,
    updated_by: row.updated_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
    // Limits can change with the registry version; an item saved under older rules shows its advice.
    warnings: warningsFor(row, fields).map((warning) => ({ ...warning })),
    media: media.map((item) => ({ ...item })),
  };
}

/** One UTC spelling for every instant, so stored times compare correctly as text. */
export function toUtcIso(timestamp: string): string {
  return new Date(timestamp).toISOString();
}
