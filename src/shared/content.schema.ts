import { z } from 'zod';
import { runTaskResponseSchema } from './ai.schema.js';
import {
  rewriteContentInputSchema,
  rewriteContentOutputSchema,
  writeContentInputSchema,
  writeContentOutputSchema,
} from './ai-tasks.schema.js';
import { CHANNEL_IDS, CONTENT_FORMATS } from './channel-ids.js';
import { idSchema, pageOf, timestampSchema } from './common.schema.js';
import { CONTENT_STATUSES } from './content-statuses.js';
import { MEDIA_KINDS, videoFactsSchema } from './media.schema.js';

// Content items: one piece for one channel, from idea to published, with its history.

export { CONTENT_STATUSES, type ContentStatus } from './content-statuses.js';

/** What a history entry records. `withdrawn`: an editor took their own submission back. */
export const CONTENT_HISTORY_ACTIONS = [
  'created',
  'edited',
  'submitted',
  'withdrawn',
  'approved',
  'sent_back',
  'scheduled',
  'unscheduled',
  'published',
  'failed',
  'restored',
] as const;
export type ContentHistoryAction = (typeof CONTENT_HISTORY_ACTIONS)[number];

export const contentStatusSchema = z.enum(CONTENT_STATUSES);
const channelSchema = z.enum(CHANNEL_IDS);
const formatSchema = z.enum(CONTENT_FORMATS);
const hashtagSchema = z
  .string()
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, { message: 'Letters, digits and _ only' });
/** The version the client last read; a stale one answers 409 `version_conflict`. */
const versionSchema = z.number().int().min(1);

/** Bounds of an evergreen item's gap between publications, in days. */
export const EVERGREEN_MIN_DAYS = 1;
export const EVERGREEN_MAX_DAYS = 365;

// Bounds are storage limits; each channel's own (much lower) limits are checked by the channel registry.
const editableFields = {
  title: z.string().trim().max(200),
  body: z.string().max(70_000),
  thread: z.array(z.string().min(1).max(70_000)).max(25),
  hashtags: z.array(hashtagSchema).max(30),
  call_to_action: z.string().trim().max(200),
  media_brief: z.string().trim().max(500),
  preheader: z.string().trim().max(500),
  pillar: z.string().trim().max(60).nullable(),
  campaign_id: idSchema.nullable(),
  scheduled_at: timestampSchema.nullable(),
  evergreen_days: z
    .number({ message: 'A whole number of days' })
    .int('A whole number of days')
    .min(EVERGREEN_MIN_DAYS, `At least ${EVERGREEN_MIN_DAYS} day`)
    .max(EVERGREEN_MAX_DAYS, `At most ${EVERGREEN_MAX_DAYS} days`)
    .nullable()
    .describe('Evergreen: the fewest days between two publications (null: the item goes out once)'),
};

/** `POST /api/content`: new items are ideas or drafts; review and scheduling go through transitions. */
export const createContentBodySchema = z.strictObject({
  business_id: idSchema,
  channel: channelSchema,
  format: formatSchema.default('post'),
  status: z.enum(['idea', 'draft']).default('draft'),
  title: editableFields.title.default(''),
  body: editableFields.body.default(''),
  thread: editableFields.thread.default([]),
  hashtags: editableFields.hashtags.default([]),
  call_to_action: editableFields.call_to_action.default(''),
  media_brief: editableFields.media_brief.default(''),
  preheader: editableFields.preheader.default(''),
  pillar: editableFields.pillar.default(null),
  campaign_id: editableFields.campaign_id.default(null),
  scheduled_at: editableFields.scheduled_at.default(null),
  evergreen_days: editableFields.evergreen_days.optional(),
});

/** `PATCH /api/content/{id}`: changed fields plus the version they were edited from. */
export const updateContentBodySchema = z
  .strictObject({
    version: versionSchema,
    channel: channelSchema.optional(),
    format: formatSchema.optional(),
    title: editableFields.title.optional(),
    body: editableFields.body.optional(),
    thread: editableFields.thread.optional(),
    hashtags: editableFields.hashtags.optional(),
    call_to_action: editableFields.call_to_action.optional(),
    media_brief: editableFields.media_brief.optional(),
    preheader: editableFields.preheader.optional(),
    pillar: editableFields.pillar.optional(),
    campaign_id: editableFields.campaign_id.optional(),
    scheduled_at: editableFields.scheduled_at.optional(),
    evergreen_days: editableFields.evergreen_days.optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'Change at least one field' });

/** `POST /api/content/{id}/transition`. */
export const transitionContentBodySchema = z.strictObject({
  to: contentStatusSchema,
  version: versionSchema,
  /** Required when an admin sends an item back. */
  comment: z.string().trim().min(1).max(2000).optional(),
  /** When scheduling: the publishing time, if the item has none yet (or to change it). */
  scheduled_at: timestampSchema.optional(),
});

/**
 * A library item attached to a content item, in publishing order. `thumbnail` is the id of a small
 * rendition (`GET /api/media/{id}/renditions/{thumbnail}`), null when the item has none (video, HEIC).
 */
export const contentMediaSchema = z.object({
  id: idSchema,
  kind: z.enum(MEDIA_KINDS),
  name: z.string(),
  alt_text: z.string(),
  /** The stored file's type and size: a network's video rules look at them (channel-media.ts). */
  mime_type: z.string(),
  size_bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** What ffprobe read of a video; null for images and for videos it could not read. */
  video: videoFactsSchema.nullable(),
  thumbnail: z.string().nullable(),
});
export type ContentMedia = z.infer<typeof contentMediaSchema>;

/** Most library items one content item may hold (above every network's maximum). */
export const CONTENT_MEDIA_MAX = 20;

/** `PUT /api/content/{id}/media`: the item's whole media list, in order, and the version it was edited from. */
export const setContentMediaBodySchema = z.strictObject({
  version: versionSchema,
  media_ids: z
    .array(idSchema)
    .max(CONTENT_MEDIA_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each media item once' }),
});
export type SetContentMediaBody = z.infer<typeof setContentMediaBodySchema>;

/** Advice from the channel rules that does not block saving (a long email subject, a multi-part SMS). */
export const contentWarningSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const contentItemSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  campaign_id: idSchema.nullable(),
  channel: channelSchema,
  format: formatSchema,
  title: z.string(),
  body: z.string(),
  thread: z.array(z.string()),
  hashtags: z.array(z.string()),
  call_to_action: z.string(),
  media_brief: z.string(),
  preheader: z.string(),
  pillar: z.string().nullable(),
  scheduled_at: timestampSchema.nullable(),
  status: contentStatusSchema,
  /** When the publisher sent it out (status `published`). */
  published_at: timestampSchema.nullable(),
  /** Why publishing failed (status `failed`); every attempt is at `GET /api/content/{id}/publish-attempts`. */
  publish_error: z.string().nullable(),
  /** The alternatives one AI run wrote for this channel share it (`POST /api/content/generate`). */
  variant_group: idSchema.nullable(),
  /**
   * The composer post this item is one network's variant of (`POST /api/content/posts`): its siblings are
   * `GET /api/content?post_group=…`. Null for an item made alone.
   */
  post_group: idSchema.nullable(),
  /** Evergreen: the fewest days between two publications; null for an item that goes out once. */
  evergreen_days: z.number().int().nullable(),
  /** The evergreen item this copy was re-queued from. */
  evergreen_of: idSchema.nullable(),
  version: z.number().int(),
  ai_call_id: idSchema.nullable(),
  created_by: idSchema.nullable(),
  updated_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  warnings: z.array(contentWarningSchema),
  /** The attached library items, in publishing order (`PUT /api/content/{id}/media` sets them). */
  media: z.array(contentMediaSchema),
});
export const contentPageSchema = pageOf(contentItemSchema);
export const contentParamsSchema = z.strictObject({ id: idSchema });

/**
 * `GET /api/content`. With `from` and/or `to` it is a calendar range over `scheduled_at` (from inclusive,
 * to exclusive), oldest first; without, the whole library, newest first.
 */
export const contentListQuerySchema = z
  .strictObject({
    business_id: idSchema,
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    channel: channelSchema.optional(),
    status: contentStatusSchema.optional(),
    campaign_id: idSchema.optional(),
    pillar: z.string().trim().min(1).max(60).optional(),
    /** The items of one composer post (its variants on each network). */
    post_group: idSchema.optional(),
    /** Text the title or body contains, case-insensitively. */
    q: z.string().trim().min(1, { message: 'Type something to search for' }).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(300).optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.to) > Date.parse(query.from), {
    message: '`to` must be after `from`',
    path: ['to'],
  });

export const contentHistoryEntrySchema = z.object({
  id: idSchema,
  content_item_id: idSchema,
  version: z.number().int(),
  actor_user_id: idSchema.nullable(),
  action: z.enum(CONTENT_HISTORY_ACTIONS),
  comment: z.string().nullable(),
  /** The fields this change set, as `{ field: newValue }`; status changes as `{ status: { from, to } }`. */
  snapshot: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
});
export const contentHistoryPageSchema = pageOf(contentHistoryEntrySchema);
export const contentHistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: idSchema.optional(),
});

const bulkBase = { business_id: idSchema, ids: z.array(idSchema).min(1).max(200) };
export const BULK_CONTENT_ACTIONS = [
  'reschedule',
  'set_status',
  'set_campaign',
  'delete',
  'restore',
] as const;
/**
 * `POST /api/content/bulk`: all or nothing; on failure `errors[]` lists each refused item. `delete` can be
 * undone by `restore` with the same ids until the housekeeping purge (CONTENT_TRASH_HOURS).
 */
export const bulkContentBodySchema = z
  .discriminatedUnion('action', [
    z.strictObject({
      ...bulkBase,
      action: z.literal('reschedule'),
      shift_minutes: z
        .number()
        .int()
        .min(-525_600)
        .max(525_600)
        .refine((minutes) => minutes !== 0, { message: 'Shift by at least a minute' })
        .optional(),
      scheduled_at: timestampSchema.optional(),
    }),
    z.strictObject({
      ...bulkBase,
      action: z.literal('set_status'),
      to: contentStatusSchema,
      comment: z.string().trim().min(1).max(2000).optional(),
    }),
    z.strictObject({
      ...bulkBase,
      action: z.literal('set_campaign'),
      /** The campaign to move the items to (this workspace's), or null to take them out of any. */
      campaign_id: idSchema.nullable(),
    }),
    z.strictObject({ ...bulkBase, action: z.literal('delete') }),
    z.strictObject({ ...bulkBase, action: z.literal('restore') }),
  ])
  .refine((body) => new Set(body.ids).size === body.ids.length, { message: 'Each id once', path: ['ids'] })
  .refine(
    (body) =>
      body.action !== 'reschedule' ||
      (body.shift_minutes === undefined) !== (body.scheduled_at === undefined),
    { message: 'Give either shift_minutes or scheduled_at', path: ['shift_minutes'] },
  );
/** How long a deleted item can be restored before the housekeeping job deletes it for good. */
export const CONTENT_TRASH_HOURS = 24;

export const bulkContentResultSchema = z.object({
  action: z.enum(BULK_CONTENT_ACTIONS),
  /** The items as they are now (empty after a delete; the restored ones after a restore). */
  items: z.array(contentItemSchema),
  deleted_ids: z.array(idSchema),
});

/**
 * `POST /api/content/generate`: the writeContent task's input for a workspace; with `save_as_drafts` the
 * variants are also stored as draft items sharing one `variant_group`.
 */
export const generateContentBodySchema = writeContentInputSchema.extend({
  business_id: idSchema,
  save_as_drafts: z.boolean().default(false),
  /** Link the saved drafts to this campaign (same workspace). */
  campaign_id: idSchema.optional(),
});
export const generateContentResultSchema = runTaskResponseSchema.extend({
  output: writeContentOutputSchema,
  /** The drafts stored from the variants, in the same order, when `save_as_drafts` was set. */
  saved_items: z.array(contentItemSchema).optional(),
});

export type ContentItem = z.infer<typeof contentItemSchema>;
export type GenerateContentRequest = z.infer<typeof generateContentBodySchema>;
export type ContentWarning = z.infer<typeof contentWarningSchema>;
export type CreateContentBody = z.infer<typeof createContentBodySchema>;
export type UpdateContentBody = z.infer<typeof updateContentBodySchema>;
export type TransitionContentBody = z.infer<typeof transitionContentBodySchema>;
export type ContentListQuery = z.infer<typeof contentListQuerySchema>;
export type ContentHistoryEntry = z.infer<typeof contentHistoryEntrySchema>;
export type BulkContentBody = z.infer<typeof bulkContentBodySchema>;
export type BulkContentResult = z.infer<typeof bulkContentResultSchema>;

/** `POST /api/content/{id}/rewrite`: a suggestion for the item's text; nothing is saved until a PATCH. */
export const rewriteContentItemBodySchema = rewriteContentInputSchema.pick({
  mode: true,
  tone: true,
  language: true,
});

/** The rewritten text, what it cost, and the version it was written from (send it back with the PATCH). */
export const rewriteContentItemResultSchema = runTaskResponseSchema.extend({
  output: rewriteContentOutputSchema,
  item_version: z.number().int(),
});
export type RewriteContentItemBody = z.infer<typeof rewriteContentItemBodySchema>;
