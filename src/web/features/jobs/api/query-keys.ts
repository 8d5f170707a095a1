import type { JobState } from '#shared/jobs.schema.js';

/**
 * Query keys for background jobs, `['jobs', businessId, …]`: live `job.*` events refresh a workspace's jobs
 * by that prefix (see lib/realtime-invalidation.ts).
 */
export const jobKeys = {
  workspace: (businessId: string) => ['jobs', businessId] as const,
  lists: (businessId: string) => [...jobKeys.workspace(businessId), 'list'] as const,
  list: (businessId: string, state: JobState | undefined) =>
    [...jobKeys.lists(businessId), { state: state ?? 'all' }] as const,
  detail: (businessId: string, jobId: string) => [...jobKeys.workspace(businessId), 'detail', jobId] as const,
};
