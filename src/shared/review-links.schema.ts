import { z } from 'zod';
import { channelSchema, formatSchema } from './ai-tasks.schema.js';
import { idSchema, timestampSchema } from './common.schema.js';
import { contentStatusSchema } from './content.schema.js';

// Read-only review links: a client opens the calendar without an account, until the link expires or is
// revoked. The token is shown once, when the link is made; only its hash is stored.

export const REVIEW_LINK_DAYS = [7, 30, 90] as const;

export const reviewLinkSchema = z.object({
  id: idSchema,
  label: z.string(),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  expires_at: timestampSchema,
  revoked_at: timestampSchema.nullable(),
});
export const reviewLinkListSchema = z.object({ items: z.array(reviewLinkSchema) });

/** `POST /api/business/{id}/review-links`. */
export const createReviewLinkBodySchema = z.strictObject({
  label: z.string().trim().min(1, 'Say who the link is for').max(120, 'At most 120 characters'),
  expires_in_days: z
    .union(REVIEW_LINK_DAYS.map((days) => z.literal(days)))
    .describe('How long the link works: 7, 30 or 90 days'),
});
/** The token and the page's path, in this response only. */
export const createdReviewLinkSchema = reviewLinkSchema.extend({
  token: z.string(),
  /** A path of the web app (`/review#token=…`): the token stays in the fragment, out of server logs. */
  url: z.string(),
});
export const reviewLinkParamsSchema = z.strictObject({ id: idSchema, linkId: idSchema });

/** `GET /api/review?token=…`. */
export const sharedReviewQuerySchema = z.strictObject({ token: z.string().min(1).max(200) });

/** One item as a client sees it: its words and time, no ids. */
export const sharedReviewItemSchema = z.object({
  channel: channelSchema,
  format: formatSchema,
  status: contentStatusSchema,
  scheduled_at: timestampSchema,
  title: z.string(),
  body: z.string(),
  thread: z.array(z.string()),
  hashtags: z.array(z.string()),
  call_to_action: z.string(),
});
export const sharedReviewSchema = z.object({
  workspace_name: z.string(),
  /** The workspace's locale and clock: the client reads dates as the workspace writes them. */
  locale: z.string(),
  time_zone: z.string(),
  label: z.string(),
  expires_at: timestampSchema,
  /** The window shown: `from` inclusive, `to` exclusive. */
  from: timestampSchema,
  to: timestampSchema,
  items: z.array(sharedReviewItemSchema),
});

export type ReviewLink = z.infer<typeof reviewLinkSchema>;
export type CreatedReviewLink = z.infer<typeof createdReviewLinkSchema>;
export type CreateReviewLinkBody = z.infer<typeof createReviewLinkBodySchema>;
export type SharedReview = z.infer<typeof sharedReviewSchema>;
export type SharedReviewItem = z.infer<typeof sharedReviewItemSchema>;
