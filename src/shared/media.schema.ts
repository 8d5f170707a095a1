import { z } from 'zod';
import { idSchema, pageOf, shortText, timestampSchema } from './common.schema.js';

// The media library: images and video a workspace uploads once and attaches to posts. The server decides
// a file's type from its bytes; these lists are what it accepts and what it prepares for the networks.

/** Accepted types (as the bytes say, never the file name) and whether each is an image or a video. */
export const ACCEPTED_MEDIA_TYPES = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/heic': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
} as const;
export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;
export const MEDIA_KINDS = ['image', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The accepted formats as a person reads them (in 415 answers and the upload form). */
export const ACCEPTED_MEDIA_DESCRIPTION = 'JPEG, PNG, WebP, GIF, HEIC images and MP4 or MOV video';

/** Whether `mime` is a type the library accepts. */
export function isAcceptedMediaType(mime: string): mime is AcceptedMediaType {
  return Object.hasOwn(ACCEPTED_MEDIA_TYPES, mime);
}

/**
 * `processing` while the upload's renditions are made; `ready` once they are (or when the type has none);
 * `failed` when the file could not be read as what its bytes claimed.
 */
export const MEDIA_STATUSES = ['processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** Widths of the resized copies (never enlarged), each as WebP and as a JPEG fallback. */
export const RENDITION_WIDTHS = [320, 640, 1280] as const;

/**
 * The crops networks show, cut around the item's focal point: square posts, 4:5 portrait feed posts,
 * 1.91:1 link and landscape posts, 9:16 stories and reels.
 */
export const MEDIA_CROPS = {
  square: { ratio: '1:1', width: 1080, height: 1080 },
  portrait: { ratio: '4:5', width: 1080, height: 1350 },
  landscape: { ratio: '1.91:1', width: 1200, height: 628 },
  story: { ratio: '9:16', width: 1080, height: 1920 },
} as const;
export type MediaCrop = keyof typeof MEDIA_CROPS;

export const RENDITION_FORMATS = ['webp', 'jpeg'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];
/** File extension of each rendition format. */
export const RENDITION_EXTENSIONS: Record<RenditionFormat, string> = { webp: 'webp', jpeg: 'jpg' };

/** Every rendition name, `w640` or a crop's name. */
export const RENDITION_NAMES = [
  ...RENDITION_WIDTHS.map((width) => `w${width}` as const),
  ...(Object.keys(MEDIA_CROPS) as MediaCrop[]),
] as const;

/** A rendition's id in URLs: its name and extension, `w640.webp`, `square.jpg`. */
export const renditionIdSchema = z
  .string()
  .regex(
    new RegExp(`^(${RENDITION_NAMES.join('|')})\\.(webp|jpg)$`),
    'A rendition such as w640.webp or square.jpg',
  );

export const focalPointSchema = z.strictObject({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});
export type FocalPoint = z.infer<typeof focalPointSchema>;

export const renditionSchema = z.object({
  /** `w640.webp`, `square.jpg`: the last part of its URL. */
  id: renditionIdSchema,
  name: z.string(),
  format: z.enum(RENDITION_FORMATS),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type Rendition = z.infer<typeof renditionSchema>;

/** What ffprobe read from a video; the networks' rules are checked against it when posts are scheduled. */
export const videoFactsSchema = z.object({
  duration_seconds: z.number().nullable(),
  video_codec: z.string().nullable(),
  audio_codec: z.string().nullable(),
  frame_rate: z.number().nullable(),
  bit_rate: z.number().int().nullable(),
});
export type VideoFacts = z.infer<typeof videoFactsSchema>;

/** Alt text: the longest networks take is Mastodon's 1,500 characters. */
export const ALT_TEXT_MAX = 1500;
const altTextSchema = z.string().trim().max(ALT_TEXT_MAX);
const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[^",]+$/, 'No quotes or commas in a tag');
const tagsSchema = z
  .array(tagSchema)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

export const mediaItemSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  kind: z.enum(MEDIA_KINDS),
  name: z.string(),
  /** The stored file's type, from its bytes. */
  mime_type: z.string(),
  /** The stored file's size (images: after EXIF and GPS are removed). */
  size_bytes: z.number().int(),
  /** The file and every rendition: what counts against the workspace's quota. */
  stored_bytes: z.number().int(),
  status: z.enum(MEDIA_STATUSES),
  /** Why processing failed, when it did. */
  failure: z.string().nullable(),
  /** Something to know about this item, e.g. that ffprobe could not read a video's facts. */
  note: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  video: videoFactsSchema.nullable(),
  focal_point: focalPointSchema,
  /** Describes the image for people who cannot see it; required before publishing where networks support it. */
  alt_text: z.string(),
  tags: z.array(z.string()),
  renditions: z.array(renditionSchema),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type MediaItem = z.infer<typeof mediaItemSchema>;
export const mediaPageSchema = pageOf(mediaItemSchema);
export const mediaParamsSchema = z.strictObject({ id: idSchema });
export const mediaRenditionParamsSchema = z.strictObject({ id: idSchema, rendition: renditionIdSchema });

/** `POST /api/media?business_id=…` with the file as multipart field `file`. */
export const uploadMediaQuerySchema = z.strictObject({ business_id: idSchema });

/** `GET /api/media?business_id=…`: newest first; `q` searches name and alt text. */
export const mediaListQuerySchema = z.strictObject({
  business_id: idSchema,
  q: z.string().trim().min(1).max(200).optional(),
  tag: tagSchema.optional(),
  kind: z.enum(MEDIA_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).optional(),
});
export type MediaListQuery = z.infer<typeof mediaListQuerySchema>;

/** `PATCH /api/media/{id}`: moving the focal point makes the crops again. */
export const updateMediaBodySchema = z
  .strictObject({
    name: shortText(200).optional(),
    alt_text: altTextSchema.optional(),
    tags: tagsSchema.optional(),
    focal_point: focalPointSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateMediaBody = z.infer<typeof updateMediaBodySchema>;

/** Signed links last from a minute to a week. */
export const SIGNED_URL_MAX_SECONDS = 7 * 24 * 3600;

/** `POST /api/media/{id}/signed-url`: a link anyone holding it may fetch until it expires (networks do). */
export const signedUrlBodySchema = z.strictObject({
  /** `original` or a rendition id such as `w1280.jpg`. */
  variant: z.union([z.literal('original'), renditionIdSchema]).default('original'),
  expires_in_seconds: z.number().int().min(60).max(SIGNED_URL_MAX_SECONDS).default(3600),
});
export type SignedUrlBody = z.infer<typeof signedUrlBodySchema>;
export const signedUrlSchema = z.object({
  /** Absolute when PUBLIC_URL is set; otherwise a path on this server. */
  url: z.string(),
  expires_at: timestampSchema,
});
export type SignedUrl = z.infer<typeof signedUrlSchema>;

/** The unauthenticated route a signed link points at. */
export const signedMediaParamsSchema = z.strictObject({
  business_id: idSchema,
  id: idSchema,
  variant: z.union([z.literal('original'), renditionIdSchema]),
});
export const signedMediaQuerySchema = z.strictObject({
  expires: z.coerce.number().int().min(0),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A signature from a signed link'),
});
