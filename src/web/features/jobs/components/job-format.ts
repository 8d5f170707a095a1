import type { ParseKeys, TFunction } from 'i18next';
import { calendarJobResultSchema } from '#shared/calendar.schema.js';
import { CONTENT_STATUSES } from '#shared/content-statuses.js';
import { JOB_SKIP_REASONS } from '#shared/job-skip-reasons.js';
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

/** One line of a job's result, as the job page lists it. */
export interface ResultFact {
  key: string;
  term: string;
  value: string;
}

const RESULT_TERMS = [
  'outcome',
  'reason',
  'skipped',
  'status',
  'scheduled_at',
  'other_job_id',
  'copy_id',
] as const;
const OUTCOMES = [
  'changed_meanwhile',
  'classified',
  'ok',
  'published',
  'queued',
  'sent',
  'skipped',
  'succeeded',
] as const;
const SKIP_CODES = ['disconnected', 'needs_reconnect', 'publish_only', 'sign_up_closed'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** How the job page writes numbers and instants (the workspace's formats). */
export interface ResultFormats {
  number: (value: number) => string;
  dateTime: (iso: string) => string;
}

/**
 * A job's result as a list a person can read, rather than its JSON: each field named in words (the ones
 * jobs share, `outcome`, `reason`, `skipped` and the values a skip reason refers to, in the reader's
 * language; others from their name, `items_fetched` → "Items fetched"), outcomes, skip reasons
 * (src/shared/job-skip-reasons.ts), skip codes and content statuses said, numbers and instants as the
 * workspace writes them. A reason the app does not know (a result stored by an older server) stays as
 * written. Undefined for a result that is not an object of fields.
 *
 * @example resultFacts({ outcome: 'skipped', reason: 'turned_off' }, t, formats)
 * // [{ key: 'outcome', term: 'Outcome', value: 'Skipped' }, { key: 'reason', term: 'Reason', value: 'Turned off' }]
 */
export function resultFacts(
  result: unknown,
  t: TFunction<'jobs'>,
  formats: ResultFormats,
): ResultFact[] | undefined {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return undefined;
  return Object.entries(result).map(([key, raw]) => {
    const term = isOneOf(RESULT_TERMS, key) ? t(`result.terms.${key}`) : words(key);
    return { key, term, value: resultValue(key, raw, t, formats) };
  });
}

function resultValue(key: string, raw: unknown, t: TFunction<'jobs'>, formats: ResultFormats): string {
  if (key === 'outcome' && isOneOf(OUTCOMES, raw)) return t(`result.outcomes.${raw}`);
  if (key === 'reason' && isOneOf(JOB_SKIP_REASONS, raw)) return t(`result.reasons.${raw}`);
  if (key === 'skipped' && isOneOf(SKIP_CODES, raw)) return t(`result.skipped.${raw}`);
  if (key === 'status' && isOneOf(CONTENT_STATUSES, raw)) return t(`result.statuses.${raw}`);
  if (key === 'scheduled_at' && typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) {
    return formats.dateTime(raw);
  }
  return shownValue(raw, t, formats.number);
}

function shownValue(raw: unknown, t: TFunction<'jobs'>, formatNumber: (value: number) => string): string {
  if (raw === null || raw === undefined) return '—';
  if (typeof raw === 'number') return formatNumber(raw);
  if (typeof raw === 'boolean') return t(raw ? 'result.yes' : 'result.no');
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((item) => typeof item !== 'object' || item === null)) {
    return raw.map((item) => shownValue(item, t, formatNumber)).join(', ');
  }
  return JSON.stringify(raw);
}

/** `items_fetched` → "Items fetched". */
function words(key: string): string {
  const spaced = key
    .replace(/[_.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
