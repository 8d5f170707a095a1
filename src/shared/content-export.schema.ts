import { z } from 'zod';
import { idSchema, timestampSchema } from './common.schema.js';
import { contentItemSchema } from './content.schema.js';

// Exports of a workspace's content: the secret iCalendar feed and the CSV download.

export const calendarFeedSchema = z.object({
  id: idSchema,
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  revoked_at: timestampSchema.nullable(),
});
export const calendarFeedListSchema = z.object({ items: z.array(calendarFeedSchema) });

/** `POST /api/business/{id}/calendar-feed`: the token and its URL are shown in this response only. */
export const createdCalendarFeedSchema = z.object({
  id: idSchema,
  /** Relative to the server's origin; calendar apps need it made absolute. */
  url: z.string(),
  token: z.string(),
});
export const calendarFeedParamsSchema = z.strictObject({ id: idSchema, feedId: idSchema });

/** `GET /api/content/calendar.ics?token=…`. */
export const calendarFeedQuerySchema = z.strictObject({ token: z.string().min(1).max(200) });

/** `GET /api/content/export.csv`: without from/to, the whole library in creation order. */
export const contentExportQuerySchema = z
  .strictObject({
    business_id: idSchema,
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.to) > Date.parse(query.from), {
    message: '`to` must be after `from`',
    path: ['to'],
  });

/** `POST /api/content/import`: CSV with a header row (the export's columns; `channel` is required). */
export const contentImportBodySchema = z.strictObject({
  business_id: idSchema,
  csv: z.string().min(1).max(1_000_000),
});
export const contentImportResultSchema = z.object({ items: z.array(contentItemSchema) });

export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;
export type ContentExportQuery = z.infer<typeof contentExportQuerySchema>;
export type ContentImportBody = z.infer<typeof contentImportBodySchema>;
