import { z } from 'zod';
import { idSchema, timestampSchema } from './common.schema.js';

/**
 * Where a job is in its life:
 * - `queued`: waiting for its `run_at` or a free worker;
 * - `running`: a worker holds its lease;
 * - `failed`: an attempt failed and a retry is scheduled at `run_at` (backoff);
 * - `dead`: the last attempt failed (or the failure cannot be retried); `last_error` says why;
 * - `succeeded`, `cancelled`: finished.
 */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

/**
 * Each job in a person's words, for the jobs list, the job page and toasts. Every job the server defines
 * has one (src/server/jobs/job-definitions.test.ts checks it).
 */
export const JOB_LABELS: Readonly<Record<string, string>> = {
  'housekeeping.purge_sessions': 'Clean-up of expired sessions and old records',
  'calendar.generate': 'Content calendar',
  'webhook.deliver': 'Webhook delivery',
  'content.publish': 'Publishing',
  'content.requeue_evergreen': 'Re-queueing an evergreen post',
  'message.classify': 'Inbox message triage',
  'media.sweep_orphans': 'Media clean-up',
  'networks.queue_readings': 'Scheduling network readings',
  'networks.read_account': 'Reading results from a network',
  'mail.password_reset': 'Password reset email',
  'mail.sign_up': 'Sign-up email',
  'mail.invitation': 'Invitation email',
  'mail.member_added': 'New member email',
  'notifications.email': 'Notification email',
  'notifications.schedule': 'Scheduling weekly digests',
  'notifications.weekly_digest': 'Weekly digest',
};

/** States a person may retry from. */
export const RETRYABLE_JOB_STATES: readonly JobState[] = ['failed', 'dead'];

/** A background job as the API shows it (its payload stays on the server). */
export const jobSchema = z.object({
  id: z.string(),
  business_id: idSchema,
  name: z.string(),
  state: jobStateSchema,
  /** 0–100, as the handler last reported it. */
  progress: z.number().int().min(0).max(100),
  progress_message: z.string().nullable(),
  /** Attempts started so far, this one included. */
  attempts: z.number().int().min(0),
  max_attempts: z.number().int().min(1),
  /** When the job (or its next retry) may start. */
  run_at: timestampSchema,
  last_error: z.string().nullable(),
  /** What the handler returned (JSON), once succeeded. */
  result: z.unknown(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  finished_at: timestampSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** `/api/jobs/{id}`. */
export const jobParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** `GET /api/jobs?business_id&state&limit&cursor`: recent jobs of a workspace, newest first. */
export const jobListQuerySchema = z.strictObject({
  business_id: idSchema,
  state: jobStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const jobPageSchema = z.object({ items: z.array(jobSchema), next_cursor: z.string().nullable() });
export type JobPage = z.infer<typeof jobPageSchema>;
