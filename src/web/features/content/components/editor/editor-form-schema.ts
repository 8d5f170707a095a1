import { z } from 'zod';
import { type ContentItem, createContentBodySchema, type UpdateContentBody } from '#shared/content.schema.js';
import { localDate, localTime, zonedInstant } from '#shared/zoned-time.js';

const shape = createContentBodySchema.shape;

/** "#spring bread, #local" → ["#spring", "#bread", "#local"]. */
export function splitHashtags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean)
    .map((tag) => (tag.startsWith('#') ? tag : `#${tag}`));
}

/**
 * The editor's fields: the shared content schema's, with hashtags typed as one line of text and the
 * publishing time as a local `YYYY-MM-DDTHH:MM` in the workspace's time zone. The editor shows its own two
 * checks in the reader's language (`editor.hashtagsInvalid`, `editor.publishAtInvalid`), not these messages.
 */
export const editorSchema = z.object({
  title: shape.title,
  body: shape.body,
  call_to_action: shape.call_to_action,
  channel: shape.channel,
  format: shape.format,
  hashtags: z.string().refine((text) => shape.hashtags.safeParse(splitHashtags(text)).success, {
    message: 'Hashtags are letters, digits and _ (up to 30)',
  }),
  scheduled_local: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)], {
    message: 'Pick a date and time',
  }),
});

export type EditorInput = z.input<typeof editorSchema>;
export type EditorValues = z.output<typeof editorSchema>;

/** The form's values for an item as saved. */
export function editorValues(item: ContentItem, timeZone: string): EditorInput {
  return {
    title: item.title,
    body: item.body,
    call_to_action: item.call_to_action,
    channel: item.channel,
    format: item.format,
    hashtags: item.hashtags.join(' '),
    scheduled_local: item.scheduled_at
      ? `${localDate(item.scheduled_at, timeZone)}T${localTime(item.scheduled_at, timeZone)}`
      : '',
  };
}

/** The publishing instant a local `YYYY-MM-DDTHH:MM` stands for, or null when empty. */
export function scheduledAtOf(local: string, timeZone: string): string | null {
  if (!local) return null;
  const [date = '', time = ''] = local.split('T');
  return zonedInstant(date, time, timeZone);
}

/** The PATCH body for the fields that changed, from the version the edits started at. */
export function changesOf(
  values: EditorValues,
  dirty: Partial<Record<keyof EditorValues, unknown>>,
  version: number,
  timeZone: string,
): UpdateContentBody {
  const body: UpdateContentBody = { version };
  if (dirty.title) body.title = values.title;
  if (dirty.body) body.body = values.body;
  if (dirty.call_to_action) body.call_to_action = values.call_to_action;
  if (dirty.channel) body.channel = values.channel;
  if (dirty.format) body.format = values.format;
  if (dirty.hashtags) body.hashtags = splitHashtags(values.hashtags);
  if (dirty.scheduled_local) body.scheduled_at = scheduledAtOf(values.scheduled_local, timeZone);
  return body;
}
