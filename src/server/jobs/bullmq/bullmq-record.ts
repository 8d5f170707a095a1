import type { Job as BullJob, JobState as BullJobState } from 'bullmq';
import type { JobState } from '#shared/jobs.schema.js';
import type { JobRecord } from '../job-types.js';

/** The one BullMQ queue all job names share. */
export const QUEUE_NAME = 'jobs';

/** The backoff type our workers compute (backoff.ts: exponential, capped), named in each job's options. */
export const CAPPED_BACKOFF = 'mcc-capped-exponential';

/** What a BullMQ job carries besides its name. */
export interface BullJobData {
  businessId: string | null;
  payload: unknown;
  /** Set by `cancel`: BullMQ has no cancelled state, so workers and readers honour this flag. */
  cancelledAt?: string;
}

/** What handlers report through `ctx.reportProgress`. */
interface BullProgress {
  pct?: number;
  message?: string | null;
}

/** Our state for a BullMQ job in BullMQ state `bullState`. */
export function stateOf(job: BullJob<BullJobData>, bullState: BullJobState | 'unknown'): JobState {
  if (job.data.cancelledAt) return 'cancelled';
  switch (bullState) {
    case 'active':
      return 'running';
    case 'completed':
      return 'succeeded';
    case 'failed':
      // BullMQ's `failed` is final: it retries by moving a job back to `delayed` first.
      return 'dead';
    case 'delayed':
      return job.attemptsMade > 0 ? 'failed' : 'queued';
    default:
      return 'queued';
  }
}

/** A BullMQ job as the API shows it. */
export function toRecord(job: BullJob<BullJobData>, bullState: BullJobState | 'unknown'): JobRecord {
  const state = stateOf(job, bullState);
  const progress = (typeof job.progress === 'object' ? job.progress : {}) as BullProgress;
  const iso = (ms: number) => new Date(ms).toISOString();
  const finishedOn = state === 'running' ? undefined : job.finishedOn;
  return {
    id: job.id ?? '',
    business_id: job.data.businessId ?? '',
    name: job.name,
    state,
    progress: state === 'succeeded' ? 100 : (progress.pct ?? 0),
    progress_message: progress.message ?? null,
    attempts: job.attemptsStarted,
    max_attempts: job.opts.attempts ?? 1,
    run_at: iso(job.timestamp + (job.delay ?? 0)),
    last_error: job.failedReason || null,
    result: state === 'succeeded' ? (job.returnvalue ?? null) : null,
    created_at: iso(job.timestamp),
    updated_at: iso(Math.max(job.timestamp, job.processedOn ?? 0, job.finishedOn ?? 0)),
    finished_at: finishedOn ? iso(finishedOn) : null,
  };
}
