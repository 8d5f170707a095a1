import type { ParseKeys, TFunction } from 'i18next';
import { calendarJobResultSchema } from '#shared/calendar.schema.js';
import { JOB_LABELS, type Job, type JobState, RETRYABLE_JOB_STATES } from '#shared/jobs.schema.js';

/**
 * Work a person starts and waits for: its completion gets a toast. Other jobs (deliveries, say) run by
 * the hundred in the background, so only their final failure is announced.
 */
const ANNOUNCED_JOBS: ReadonlySet<string> = new Set(['calendar.generate']);

/** Jobs whose outcome has events of its own (`content.published`, `content.failed`), announced instead. */
const SILENT_JOBS: ReadonlySet<string> = new Set(['content.publish']);

/**
 * What a job is, in the reader's words: "Content calendar" for `calendar.generate` (the `names` of the
 * jobs strings, one for each job the shared JOB_LABELS knows). A job newer than this app (a server
 * upgraded first) reads as its name in words: `something.brand_new` → "Something brand new".
 */
export function jobLabel(name: string, t: TFunction<'jobs'>): string {
  if (JOB_LABELS[name]) return t(`names.${name}` as ParseKeys<'jobs'>);
  const words = name.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether finishing this job is news worth a toast. */
export function isAnnounced(name: string): boolean {
  return ANNOUNCED_JOBS.has(name);
}

/** Whether the job's own events are never announced (another event tells the outcome). */
export function isSilent(name: string): boolean {
  return SILENT_JOBS.has(name);
}

export const STATE_TONES = {
  queued: 'neutral',
  running: 'accent',
  succeeded: 'success',
  failed: 'warning',
  dead: 'danger',
  cancelled: 'neutral',
} as const satisfies Record<JobState, string>;

/** The state filter's choices, in the order a person looks for them (named by the `states` strings). */
export const STATE_FILTERS: readonly JobState[] = [
  'running',
  'queued',
  'failed',
  'dead',
  'succeeded',
  'cancelled',
];

/** A person may run it again (with the `jobs.manage` permission). */
export function canRetry(job: Pick<Job, 'state'>): boolean {
  return RETRYABLE_JOB_STATES.includes(job.state);
}

/** Not finished yet, so it can still be cancelled. */
export function canCancel(job: Pick<Job, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running' || job.state === 'failed';
}

/** "Attempt 2 of 3", in the reader's language. */
export function describeAttempts(job: Pick<Job, 'attempts' | 'max_attempts'>, t: TFunction<'jobs'>): string {
  return t('attempt', { number: Math.max(1, job.attempts), total: job.max_attempts });
}

/** What a finished job produced that the app can link to; undefined when the result is not one it knows. */
export function contentItemsOf(job: Pick<Job, 'name' | 'result'>): string[] | undefined {
  if (job.name !== 'calendar.generate') return undefined;
  const parsed = calendarJobResultSchema.safeParse(job.result);
  return parsed.success ? parsed.data.content_item_ids : undefined;
}
