import { type PlanCalendarOutput, planCalendarOutputSchema } from '#shared/ai-tasks.schema.js';
import { type CalendarFailedSlot, calendarJobResultSchema } from '#shared/calendar.schema.js';

/** The plan behind a generated calendar: pillars with their share, cadence per channel, the reasoning. */
export type CalendarStrategy = PlanCalendarOutput['strategy'];

/** What the finished job tells a person about the calendar it made. */
export interface CalendarSummary {
  itemCount: number;
  offline: boolean;
  /** Missing when the result cannot be read (an older job, a provider that answered oddly). */
  strategy: CalendarStrategy | undefined;
  /** Slots the job could not write, with the reason; they can be retried alone. */
  failed: CalendarFailedSlot[];
  /**
   * What the checks changed or noticed in the plan, in words: the range narrowed to a campaign's dates
   * first, then moved dates and times, then warnings such as repeated titles.
   */
  notes: string[];
}

/**
 * Reads a succeeded calendar job's `result` against the shared schemas; undefined if it is not one.
 *
 * @example
 * summariseCalendarJob(job.result)?.strategy?.pillars; // [{ name: 'Behind the scenes', share: 0.3, … }]
 */
export function summariseCalendarJob(result: unknown): CalendarSummary | undefined {
  const parsed = calendarJobResultSchema.safeParse(result);
  if (!parsed.success) return undefined;
  const strategy = planCalendarOutputSchema.shape.strategy.safeParse(parsed.data.strategy);
  return {
    itemCount: parsed.data.content_item_ids.length,
    offline: parsed.data.offline,
    strategy: strategy.success ? strategy.data : undefined,
    failed: parsed.data.failed,
    notes: [...(parsed.data.adjustments ?? []), ...(parsed.data.warnings ?? [])]
      .sort((a, b) => Number(b.code === 'range_narrowed') - Number(a.code === 'range_narrowed'))
      .map((note) => note.message),
  };
}

/** A share of the plan as a whole percentage, `0.333` → `33` (the strings add the sign, `33%` or `33 %`). */
export function sharePercent(share: number): number {
  return Math.round(share * 100);
}

/**
 * A fresh idempotency key for one submission of the dialog. `crypto.randomUUID` exists only in secure
 * contexts, and a self-hosted instance may be served over plain HTTP on a LAN.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
