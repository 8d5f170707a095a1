import { z } from 'zod';
import { aiRunMetaSchema } from './ai.schema.js';
import { outputNoteSchema } from './ai-tasks.schema.js';
import { idSchema } from './common.schema.js';
import { mediaItemSchema } from './media.schema.js';

// Images the server makes rather than receives: branded text cards (drawn here, no service needed) and
// images from an OpenAI-compatible image endpoint. Both become ordinary items of the media library.

/** What a card announces; each kind lays its text out its own way. */
export const CARD_KINDS = ['quote', 'offer', 'announcement', 'event'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** The shapes networks show (the library's crops), in pixels. */
export const CARD_ASPECTS = {
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
  '9:16': { width: 1080, height: 1920 },
  '1.91:1': { width: 1200, height: 628 },
} as const;
export type CardAspect = keyof typeof CARD_ASPECTS;
const aspectSchema = z.enum(Object.keys(CARD_ASPECTS) as [CardAspect, ...CardAspect[]]);

const cardLine = (max: number) => z.string().trim().max(max);

/** `POST /api/media/cards?business_id=…`: a card drawn in the brand's colours and font. */
export const createCardBodySchema = z.strictObject({
  kind: z.enum(CARD_KINDS),
  /** The quote, the offer ("20% off all bikes"), the news, the event's name: the big text. */
  headline: cardLine(200).min(1),
  /** Details under the headline (the offer's terms, the event's programme). */
  body: cardLine(500).default(''),
  /** Who said the quote, the offer's code or end date, the event's date and place. */
  footer: cardLine(120).default(''),
  aspect: aspectSchema.default('1:1'),
  /** Print the workspace's name at the bottom (on by default). */
  show_business_name: z.boolean().default(true),
});
export type CreateCardBody = z.infer<typeof createCardBodySchema>;

/** Where the new item goes: `?business_id=…` as for uploads. */
export const mediaWorkspaceQuerySchema = z.strictObject({ business_id: idSchema });

/** The shapes an image endpoint draws: square, portrait and landscape (each model has its own sizes). */
export const GENERATED_IMAGE_ASPECTS = ['1:1', '2:3', '3:2'] as const;
export type GeneratedImageAspect = (typeof GENERATED_IMAGE_ASPECTS)[number];

/** `POST /api/media/generate?business_id=…`: an image from the configured image endpoint. */
export const generateImageBodySchema = z.strictObject({
  /** What the picture should show; the writer's `media_brief` fits here. It becomes the item's alt text. */
  prompt: z.string().trim().min(3).max(1000),
  aspect: z.enum(GENERATED_IMAGE_ASPECTS).default('1:1'),
});
export type GenerateImageBody = z.infer<typeof generateImageBodySchema>;

/** A generated image, already in the library, with the ledger's account of the call. */
export const generatedImageSchema = aiRunMetaSchema.extend({ item: mediaItemSchema });
export type GeneratedImage = z.infer<typeof generatedImageSchema>;

/** `POST /api/media/{id}/alt-text/suggest`: optional context for the suggestion. */
export const suggestAltTextBodySchema = z
  .strictObject({
    /** What the post is about (the brief or the draft), so the description can name what matters. */
    brief: z.string().trim().max(2000).optional(),
    /** A language code; the workspace's language by default. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'Use a language code such as en or pt-BR' })
      .optional(),
  })
  // Every field is optional, so the request may come without a body (which Fastify reads as null).
  .nullish()
  .transform((body) => body ?? {});
export type SuggestAltTextBody = z.infer<typeof suggestAltTextBodySchema>;

/** A suggestion, not saved: the user accepts it with `PATCH /api/media/{id}` (`alt_text`). */
export const altTextSuggestionSchema = aiRunMetaSchema.extend({
  alt_text: z.string(),
  /** What the checks found (text in another language, a link nobody gave). */
  warnings: z.array(outputNoteSchema),
  /** Whether the model was shown the picture (false offline, or when the model does not read images). */
  saw_image: z.boolean(),
});
export type AltTextSuggestion = z.infer<typeof altTextSuggestionSchema>;
