import type { ContentItemRow } from '#server/db/schema.js';
import type { IcalEvent } from '#server/exports/ical.js';
import { channelRule } from '#shared/channels.js';
import { channelFieldsOf } from './content-items.js';

/** How long an event lasts in a calendar app: a post has a moment, not a duration. */
const EVENT_MINUTES = 30;

function channelName(row: ContentItemRow): string {
  return channelRule(row.channel).name;
}

/**
 * One item as a calendar event. The UID is the item's id alone, so a calendar app keeps one event per item
 * through edits, reschedules and publication, and updates it in place.
 */
export function feedEvent(row: ContentItemRow, start: string, url: string): IcalEvent {
  const fields = channelFieldsOf(row);
  const label = row.title.trim() || firstLine(row.body) || row.format;
  const text = [row.body, ...fields.thread].filter(Boolean).join('\n\n');
  const tags = fields.hashtags.length ? `\n\n${hashtagLine(fields.hashtags)}` : '';
  return {
    uid: `${row.id}@mcc`,
    start,
    durationMinutes: EVENT_MINUTES,
    summary: `${channelName(row)}: ${label}`,
    description: `Status: ${row.status.replace('_', ' ')}\n\n${text}${tags}\n\n${url}`.trim(),
    url,
    status: 'CONFIRMED',
    categories: row.pillar ? [row.pillar] : [],
    lastModified: row.updated_at,
  };
}

export function hashtagLine(hashtags: readonly string[]): string {
  return hashtags.map((tag) => (tag.startsWith('#') ? tag : `#${tag}`)).join(' ');
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
