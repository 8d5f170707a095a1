import { z } from 'zod';
import { outputNoteSchema, planCalendarInputSchema } from './ai-tasks.schema.js';
import { idSchema } from './common.schema.js';

/** `POST /api/ai/strategy/generate-calendar`: plan (and optionally write) a content calendar as a job. */
export const generateCalendarBodySchema = planCalendarInputSchema.omit({ within: true }).extend({
  business_id: idSchema,
  campaign_id: idSchema.nullable().default(null),
  /** `ideas`: dated ideas with briefs; `drafts`: each item also written in full. */
  detail: z.enum(['ideas', 'drafts']).default('ideas'),
  /** Repeat a request safely: the same key in the same workspace returns the first job. */
  request_key: z.string().trim().min(1).max(100).optional(),
});

/** 202 Accepted: follow the job at `GET /api/jobs/{job_id}` (or live over the WebSocket). */
export const generateCalendarAcceptedSchema = z.object({ job_id: idSchema });

/** What a finished calendar job returns as its result. */
export const calendarJobResultSchema = z.object({
  strategy: z.unknown(),
  content_item_ids: z.array(idSchema),
  ai_call_ids: z.array(idSchema),
  offline: z.boolean(),
  /** What the checks changed in the plan: dates clamped into the range or campaign, times moved into the window. */
  adjustments: z.array(outputNoteSchema).optional(),
  /** What the checks found in the plan: repeated titles, another language. */
  warnings: z.array(outputNoteSchema).optional(),
});

export type GenerateCalendarBody = z.infer<typeof generateCalendarBodySchema>;
export type CalendarJobResult = z.infer<typeof calendarJobResultSchema>;
