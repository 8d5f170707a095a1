import { z } from 'zod';
import { CHANNEL_IDS, type ChannelId, CONTENT_FORMATS } from './channel-ids.js';
import { idSchema, timestampSchema } from './common.schema.js';
import { CONTENT_MEDIA_MAX, contentItemSchema } from './content.schema.js';

// The composer: one post written once and tailored per network. Each network's variant is a content item
// of its own (its text, its preview, its publish job); they share the brief, media, campaign and time, and
// one `post_group` links them.

/**
 * What the composer does with the variants once saved:
 * - `draft`: drafts (with the time as a plan, if given);
 * - `review`: submitted for review, as the editor's "Submit";
 * - `schedule`: scheduled at `scheduled_at`, all together (owners and admins: it approves them too);
 * - `queue`: scheduled, each at its channel's next free queue slot (owners and admins).
 */
export const COMPOSE_INTENTS = ['draft', 'review', 'schedule', 'queue'] as const;
export type ComposeIntent = (typeof COMPOSE_INTENTS)[number];

const hashtagSchema = z
  .string()
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, { message: 'Letters, digits and _ only' });

/** One network's own text. Bounds are storage limits; the channel's own limits are checked per variant. */
export const composeVariantSchema = z.strictObject({
  format: z.enum(CONTENT_FORMATS).default('post'),
  body: z.string().max(70_000).default(''),
  thread: z.array(z.string().min(1).max(70_000)).max(25).default([]),
  hashtags: z.array(hashtagSchema).max(30).default([]),
  call_to_action: z.string().trim().max(200).default(''),
  /** The email subject (email only; elsewhere the post's `title` names every variant). */
  subject: z.string().trim().max(200).optional(),
  preheader: z.string().trim().max(500).default(''),
});
export type ComposeVariant = z.infer<typeof composeVariantSchema>;

const variantsShape = Object.fromEntries(
  CHANNEL_IDS.map((channel) => [channel, composeVariantSchema.optional()]),
) as { [K in ChannelId]: z.ZodOptional<typeof composeVariantSchema> };

/** Most networks one composer post goes to (every channel the product knows). */
export const COMPOSE_CHANNELS_MAX = CHANNEL_IDS.length;

/**
 * `POST /api/content/posts`: one variant per channel, keyed by the channel (so a refusal's path names it:
 * `body.variants.x.body`). All are created in one transaction, or none.
 */
export const composePostBodySchema = z
  .strictObject({
    business_id: idSchema,
    /** The post's name in lists and the calendar (every variant's title). */
    title: z.string().trim().max(200).default(''),
    /** The shared brief: what the post is about and what its picture should show. */
    brief: z.string().trim().max(500).default(''),
    pillar: z.string().trim().max(60).nullable().default(null),
    campaign_id: idSchema.nullable().default(null),
    /** The library items every variant carries, in publishing order. */
    media_ids: z
      .array(idSchema)
      .max(CONTENT_MEDIA_MAX)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Each media item once' })
      .default([]),
    variants: z
      .strictObject(variantsShape)
      .refine((variants) => Object.values(variants).some(Boolean), { message: 'Pick at least one channel' }),
    intent: z.enum(COMPOSE_INTENTS).default('draft'),
    /** One time for all variants: required to `schedule`, a plan for `draft` and `review`, none to `queue`. */
    scheduled_at: timestampSchema.nullable().default(null),
  })
  .refine((body) => body.intent !== 'schedule' || body.scheduled_at !== null, {
    message: 'Pick a time to publish',
    path: ['scheduled_at'],
  })
  .refine((body) => body.intent !== 'queue' || body.scheduled_at === null, {
    message: 'The queue picks each channel’s time; leave scheduled_at out',
    path: ['scheduled_at'],
  });
export type ComposePostBody = z.infer<typeof composePostBodySchema>;

/** The saved variants, in the order of the channel list, and the group that links them. */
export const composePostResultSchema = z.object({
  post_group: idSchema,
  items: z.array(contentItemSchema),
});
export type ComposePostResult = z.infer<typeof composePostResultSchema>;
