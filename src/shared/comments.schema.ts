import { z } from 'zod';
import { idSchema, timestampSchema } from './common.schema.js';

// Review comments on a content item: threads one level deep (a reply to a reply joins the same thread),
// with @mentions of workspace members, who are notified.

export const COMMENT_MAX = 4_000;
export const COMMENT_MENTIONS_MAX = 20;

const commentBodyText = z
  .string()
  .trim()
  .min(1, 'Write a comment first')
  .max(COMMENT_MAX, `At most ${COMMENT_MAX} characters`);
/** The members the text mentions (the web app adds one per `@Name` it inserts). */
const mentionIds = z
  .array(idSchema)
  .max(COMMENT_MENTIONS_MAX, `At most ${COMMENT_MENTIONS_MAX} mentions per comment`)
  .default([]);

export const commentPersonSchema = z.object({ id: idSchema, name: z.string() });

export const contentCommentSchema = z.object({
  id: idSchema,
  content_item_id: idSchema,
  /** The thread's first comment; null on a first comment. */
  parent_id: idSchema.nullable(),
  /** Null when the author's account is gone. */
  author: commentPersonSchema.nullable(),
  /** Empty when deleted (a first comment deleted while it has replies keeps its place). */
  body: z.string(),
  mentions: z.array(commentPersonSchema),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  deleted: z.boolean(),
});
export const contentCommentListSchema = z.object({ items: z.array(contentCommentSchema) });

/** `POST /api/content/{id}/comments`. */
export const createCommentBodySchema = z.strictObject({
  body: commentBodyText,
  parent_id: idSchema.nullable().default(null),
  mentions: mentionIds,
});
/** `PATCH /api/content/{id}/comments/{commentId}`: one's own comment only. */
export const updateCommentBodySchema = z.strictObject({ body: commentBodyText, mentions: mentionIds });
export const commentParamsSchema = z.strictObject({ id: idSchema, commentId: idSchema });

export type ContentComment = z.infer<typeof contentCommentSchema>;
export type CommentPerson = z.infer<typeof commentPersonSchema>;
export type CreateCommentBody = z.infer<typeof createCommentBodySchema>;
export type UpdateCommentBody = z.infer<typeof updateCommentBodySchema>;
