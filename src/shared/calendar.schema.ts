import { z } from 'zod';
import { outputNoteSchema, planCalendarInputSchema, plannedItemSchema } from './ai-tasks.schema.js';
import { idSchema } from './common.schema.js';
import { ERROR_CODES } from './error-codes.js';
import { addDays } from './zoned-time.js';

/** The most slots one request may write again (a 12-week plan on every channel stays well under it). */
const MAX_SLOTS = 500;

/**
 * The fields of a calendar request, without the rules that tie them together (forms and job payloads
 * reuse them; `generateCalendarBodySchema` adds the rules).
 */
export const generateCalendarFieldsSchema = planCalendarInputSchema.omit({ within: true }).extend({
  business_id: idSchema,
  campaign_id: idSchema.nullable().default(null),
  /** `ideas`: dated ideas with briefs; `drafts`: each item also written in full. */
  detail: z.enum(['ideas', 'drafts']).default('ideas'),
  /**
   * Skip planning and write exactly these slots (a finished job's `failed` slots, retried). Each must lie
   * inside the requested dates and channels.
   */
  slots: z.array(plannedItemSchema).min(1).max(MAX_SLOTS).optional(),
  /** Repeat a request safely: the same key in the same workspace returns the first job. */
  request_key: z.string().trim().min(1).max(100).optional(),
});

/** `POST /api/ai/strategy/generate-calendar`: plan (and optionally write) a content calendar as a job. */
export const generateCalendarBodySchema = generateCalendarFieldsSchema.superRefine((body, context) => {
  // The rules run even when other fields failed; they need a readable range to say anything.
  const readable =
    z.iso.date().safeParse(body.start_date).success && Number.isInteger(body.weeks) && body.weeks >= 1;
  if (!body.slots || !readable) return;
  const end = addDays(body.start_date, body.weeks * 7 - 1);
  for (const [index, slot] of body.slots.entries()) {
    if (slot.date < body.start_date || slot.date > end) {
      context.addIssue({
        code: 'custom',
        path: ['slots', index, 'date'],
        message: `Pick a date from ${body.start_date} to ${end}`,
      });
    }
    if (!body.channels?.includes(slot.channel)) {
      context.addIssue({
        code: 'custom',
        path: ['slots', index, 'channel'],
        message: 'Pick one of the requested channels',
      });
    }
  }
});

/** 202 Accepted: follow the job at `GET /api/jobs/{job_id}` (or live over the WebSocket). */
export const generateCalendarAcceptedSchema = z.object({ job_id: idSchema });

/** A planned slot the job could not write, and why, in words a person can act on. */
export const calendarFailedSlotSchema = z.object({
  slot: plannedItemSchema,
  reason: z.string(),
  /** The refusal's error code (`ai_provider_error`, `budget_exceeded`, `ai_unavailable`). */
  code: z.enum(ERROR_CODES).optional(),
  /** What `reason` says as data, as a problem's `facts` (src/shared/problem-facts.ts). */
  facts: z.record(z.string(), z.unknown()).optional(),
});

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
  /** Slots that were not saved; send them back as `slots` to write just those again. */
  failed: z.array(calendarFailedSlotSchema).default([]),
});

export type GenerateCalendarBody = z.infer<typeof generateCalendarBodySchema>;
export type CalendarFailedSlot = z.infer<typeof calendarFailedSlotSchema>;
export type CalendarJobResult = z.infer<typeof calendarJobResultSchema>;
