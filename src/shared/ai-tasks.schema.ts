import { z } from 'zod';
import { CHANNEL_IDS, CONTENT_FORMATS } from './channel-ids.js';

// Inputs and outputs of the AI tasks. The engine validates every output against these, whichever provider
// produced it, and the web app renders them.

export const channelSchema = z.enum(CHANNEL_IDS);
export const formatSchema = z.enum(CONTENT_FORMATS);
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'Use a language code such as en or pt-BR' });
const isoDate = z.iso.date();

/**
 * Something the checks found in an output, or changed in it, that a person should know about: a link nobody
 * gave the writer, text in another language, a posting time moved into the posting window.
 */
export const outputNoteSchema = z.object({
  /** Where, as a path into the output: `variants.0.body`, `items.3.time`. */
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

// Filled in by the checks after the answer, whoever wrote it (so always present in a task's result);
// jsonSchemaFor leaves them out of what a model is asked to write.
const serverNotes = () => z.array(outputNoteSchema).optional().meta({ serverFilled: true });

// --- writeContent ---
export const writeContentInputSchema = z.strictObject({
  channel: channelSchema,
  format: formatSchema.default('post'),
  brief: z.string().trim().min(3).max(2000),
  variants: z.number().int().min(1).max(5).default(1),
  pillar: z.string().trim().max(60).optional(),
  language: language.optional(),
});
export const contentDraftSchema = z.object({
  title: z.string().max(200).describe('Internal title, or the email subject, or the blog headline'),
  body: z.string().min(1).max(70_000).describe('The text to publish (for a thread: the first post)'),
  thread: z.array(z.string().min(1)).max(25).default([]).describe('Further posts of a thread, in order'),
  hashtags: z
    .array(z.string().regex(/^#?[\p{L}\p{N}_]+$/u))
    .max(30)
    .default([]),
  call_to_action: z.string().max(200).default(''),
  media_brief: z.string().max(500).default('').describe('What image or video to pair with it'),
  preheader: z.string().max(140).default('').describe('Email only'),
});
export const writeContentOutputSchema = z.object({
  variants: z.array(contentDraftSchema).min(1).max(5),
  warnings: serverNotes(),
});

// --- rewriteContent ---
/** `tailor`: adapt a text written for one network to `channel` (its length, hashtags and style). */
export const REWRITE_MODES = ['shorten', 'expand', 'tone', 'variant', 'translate', 'tailor'] as const;
export const rewriteContentInputSchema = z.strictObject({
  channel: channelSchema,
  text: z.string().trim().min(1).max(70_000),
  mode: z.enum(REWRITE_MODES),
  /** For `tone`: e.g. "more playful", "more formal". */
  tone: z.string().trim().max(60).optional(),
  /** For `translate`. */
  language: language.optional(),
});
export const rewriteContentOutputSchema = z.object({
  text: z.string().min(1).max(70_000),
  hashtags: z.array(z.string()).max(30).default([]),
  warnings: serverNotes(),
});

// --- classifyMessage ---
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const INTENTS = ['question', 'complaint', 'purchase_intent', 'praise', 'spam', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const classifyMessageInputSchema = z.strictObject({
  channel: channelSchema,
  text: z.string().trim().min(1).max(10_000),
  customer_name: z.string().trim().max(120).optional(),
});
export const classifyMessageOutputSchema = z.object({
  sentiment: z.enum(SENTIMENTS),
  intent: z.enum(INTENTS),
  priority: z.enum(PRIORITIES),
  language: z.string().min(2).max(8),
  reasons: z.array(z.string().max(200)).max(5).default([]),
});

// --- suggestReplies ---
export const suggestRepliesInputSchema = z.strictObject({
  channel: channelSchema,
  message: z.string().trim().min(1).max(10_000),
  customer_name: z.string().trim().max(120).optional(),
  thread: z
    .array(z.strictObject({ direction: z.enum(['in', 'out']), body: z.string().max(10_000) }))
    .max(20)
    .default([]),
  knowledge: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), body: z.string().trim().max(4000) }))
    .max(20)
    .default([]),
  count: z.number().int().min(1).max(3).default(2),
});
export const suggestRepliesOutputSchema = z.object({
  replies: z
    .array(
      z.object({
        body: z.string().min(1).max(5000),
        relied_on: z
          .array(z.string().max(200))
          .max(10)
          .default([])
          .describe('Titles of the knowledge used, or "brand profile"'),
      }),
    )
    .min(1)
    .max(3),
  warnings: serverNotes(),
});

// --- planCalendar ---
export const planCalendarInputSchema = z.strictObject({
  start_date: isoDate,
  weeks: z.number().int().min(1).max(12),
  channels: z.array(channelSchema).min(1).max(CHANNEL_IDS.length),
  /** Posts per week per channel; missing channels get a recommended cadence. */
  cadence: z.partialRecord(channelSchema, z.number().int().min(0).max(21)).default({}),
  /** Content pillars; empty lets the AI propose them. */
  pillars: z.array(z.string().trim().min(1).max(60)).max(8).default([]),
  objective: z.enum(['awareness', 'traffic', 'leads', 'sales', 'engagement']).default('awareness'),
  /** Dates the plan must also stay within (a campaign's), inclusive; set by the server, not the client. */
  within: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
});
export const plannedItemSchema = z.object({
  date: isoDate,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .describe('Local time in the business time zone, HH:MM'),
  channel: channelSchema,
  format: formatSchema,
  pillar: z.string().max(60),
  title: z.string().min(1).max(200),
  brief: z.string().max(1000),
});
export const planCalendarOutputSchema = z.object({
  strategy: z.object({
    pillars: z
      .array(
        z.object({
          name: z.string().min(1).max(60),
          share: z.number().min(0).max(1),
          description: z.string().max(500),
        }),
      )
      .min(1)
      .max(8),
    cadence: z.array(z.object({ channel: channelSchema, per_week: z.number().int().min(0).max(21) })),
    reasoning: z.string().max(4000),
  }),
  items: z.array(plannedItemSchema).max(12 * 7 * 10 * 3),
  /** What the checks changed to fit the plan to the rules (a date clamped, a time moved). */
  adjustments: serverNotes(),
  warnings: serverNotes(),
});

// --- suggestAltText ---
/** A picture sent to a model that reads images: a small JPEG, PNG or WebP as a data URL. */
const imageDataUrl = z
  .string()
  .max(1_000_000)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, {
    message: 'A JPEG, PNG or WebP image as a base64 data URL',
  });
export const suggestAltTextInputSchema = z.strictObject({
  /** The file's name as uploaded; camera names such as IMG_1234 say nothing and are ignored. */
  file_name: z.string().trim().max(200).default(''),
  kind: z.enum(['image', 'video']).default('image'),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** The picture's dominant colour as #rrggbb. */
  dominant_colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .optional(),
  /** What the post is about. */
  brief: z.string().trim().max(2000).optional(),
  language: language.optional(),
  /** The picture itself, for models that read images. */
  image: imageDataUrl.optional(),
});
export const suggestAltTextOutputSchema = z.object({
  alt_text: z
    .string()
    .min(1)
    .max(1500)
    .describe('One or two plain sentences describing what the image shows, for people who cannot see it'),
  warnings: serverNotes(),
});

export const AI_TASK_NAMES = [
  'planCalendar',
  'writeContent',
  'rewriteContent',
  'classifyMessage',
  'suggestReplies',
  'suggestAltText',
] as const;
export type AiTaskName = (typeof AI_TASK_NAMES)[number];

/**
 * Every name a ledger row can carry: the tasks above, and `generateImage`, which is not a text task (it
 * calls the image endpoint, see src/server/services/media/image-generation.service.ts) but is metered alike.
 */
export const AI_LEDGER_TASK_NAMES = [...AI_TASK_NAMES, 'generateImage'] as const;
export type AiLedgerTaskName = (typeof AI_LEDGER_TASK_NAMES)[number];

export type WriteContentInput = z.infer<typeof writeContentInputSchema>;
export type ContentDraft = z.infer<typeof contentDraftSchema>;
export type WriteContentOutput = z.infer<typeof writeContentOutputSchema>;
export type RewriteContentInput = z.infer<typeof rewriteContentInputSchema>;
export type RewriteContentOutput = z.infer<typeof rewriteContentOutputSchema>;
export type ClassifyMessageInput = z.infer<typeof classifyMessageInputSchema>;
export type ClassifyMessageOutput = z.infer<typeof classifyMessageOutputSchema>;
export type SuggestRepliesInput = z.infer<typeof suggestRepliesInputSchema>;
export type SuggestRepliesOutput = z.infer<typeof suggestRepliesOutputSchema>;
export type PlanCalendarInput = z.infer<typeof planCalendarInputSchema>;
export type PlannedItem = z.infer<typeof plannedItemSchema>;
export type PlanCalendarOutput = z.infer<typeof planCalendarOutputSchema>;
export type OutputNote = z.infer<typeof outputNoteSchema>;
export type SuggestAltTextInput = z.infer<typeof suggestAltTextInputSchema>;
export type SuggestAltTextOutput = z.infer<typeof suggestAltTextOutputSchema>;
