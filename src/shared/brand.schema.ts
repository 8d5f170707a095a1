import { z } from 'zod';
import { CHANNEL_IDS } from './channel-ids.js';

const phrase = z.string().trim().min(1).max(60);
const paragraph = z.string().trim().max(1000);
const slider = z.number().int().min(0).max(100);

/** How the brand sounds: each slider runs from the first word (0) to the second (100). */
export const toneSchema = z.strictObject({
  formal_casual: slider.default(50),
  serious_playful: slider.default(40),
  reserved_enthusiastic: slider.default(50),
  traditional_modern: slider.default(50),
});

export const brandVoiceSchema = z.strictObject({
  tone: toneSchema.default({
    formal_casual: 50,
    serious_playful: 40,
    reserved_enthusiastic: 50,
    traditional_modern: 50,
  }),
  /** Adjectives such as "warm", "expert", "witty". */
  personality: z.array(phrase).max(8).default([]),
  words_to_use: z.array(phrase).max(50).default([]),
  /** The AI never uses these; outputs are checked for them. */
  words_to_avoid: z.array(phrase).max(50).default([]),
  example_posts: z.array(z.string().trim().min(1).max(2200)).max(5).default([]),
});

export const personaSchema = z.strictObject({
  name: phrase,
  description: paragraph.default(''),
  pains: z.array(phrase).max(10).default([]),
  goals: z.array(phrase).max(10).default([]),
});

export const productSchema = z.strictObject({
  name: phrase,
  description: paragraph.default(''),
  price: z.string().trim().max(40).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, { message: 'Use a 24-hour time such as 08:00' });

/** Hours of the day (local time) posts may go out, start inclusive, end inclusive. */
export const timeWindowSchema = z
  .strictObject({ start: clockTime, end: clockTime })
  .refine((window) => window.start < window.end, {
    message: 'The window must end after it starts',
    path: ['end'],
  });

/** When the business posts: a default window and, optionally, one per channel. */
export const postingWindowSchema = z.strictObject({
  default: timeWindowSchema.default({ start: '08:00', end: '20:00' }),
  channels: z.partialRecord(z.enum(CHANNEL_IDS), timeWindowSchema).default({}),
});

/** The posting window of a profile that sets none. */
export const DEFAULT_POSTING_WINDOW = { start: '08:00', end: '20:00' } as const;

const hexColour = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/u, { message: 'Use a colour such as #1d4ed8' });

/**
 * Font families the card renderer ships with (DejaVu, installed with the server): a name here always
 * renders, whatever the machine, so a card never falls back to a font nobody chose.
 */
export const BRAND_FONTS = ['sans', 'serif', 'mono'] as const;
export type BrandFont = (typeof BRAND_FONTS)[number];

/** The brand's look, for the text cards the server draws: colours as #rrggbb and one font family. */
export const brandVisualSchema = z.strictObject({
  primary_colour: hexColour.default('#1d4ed8'),
  secondary_colour: hexColour.default('#f59e0b'),
  background_colour: hexColour.default('#ffffff'),
  text_colour: hexColour.default('#111827'),
  font: z.enum(BRAND_FONTS).default('sans'),
});

/** The look of a profile that sets none: dark text on white, blue and amber accents, sans-serif. */
export const DEFAULT_BRAND_VISUAL = brandVisualSchema.parse({});

/** Everything the AI needs to write as this business: set once, used by every AI call. */
export const brandProfileSchema = z.strictObject({
  voice: brandVoiceSchema.default({
    tone: { formal_casual: 50, serious_playful: 40, reserved_enthusiastic: 50, traditional_modern: 50 },
    personality: [],
    words_to_use: [],
    words_to_avoid: [],
    example_posts: [],
  }),
  audiences: z.array(personaSchema).max(5).default([]),
  products: z.array(productSchema).max(20).default([]),
  goals: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  channels: z.array(z.enum(CHANNEL_IDS)).max(CHANNEL_IDS.length).default([]),
  /** When planned posts may go out; without it, 08:00–20:00 local on every channel. */
  posting_window: postingWindowSchema.optional(),
  /** Colours and font for text cards; without it, `DEFAULT_BRAND_VISUAL`. */
  visual: brandVisualSchema.optional(),
});

export type Tone = z.infer<typeof toneSchema>;
export type BrandVoice = z.infer<typeof brandVoiceSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type Product = z.infer<typeof productSchema>;
export type BrandProfile = z.infer<typeof brandProfileSchema>;
export type TimeWindow = z.infer<typeof timeWindowSchema>;
export type PostingWindow = z.infer<typeof postingWindowSchema>;
export type BrandVisual = z.infer<typeof brandVisualSchema>;

/** The profile of a business that has not described itself yet. */
export const EMPTY_BRAND_PROFILE: BrandProfile = brandProfileSchema.parse({});
