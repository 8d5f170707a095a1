import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '#shared/jobs.schema.js';
import { jobKeys } from './query-keys.js';

/**
 * Shows the job a retry or cancel answered at once, then fetches the workspace's jobs again, that job
 * included: a fast worker can finish it before the answer arrives, and the live events that said so found
 * nothing to refresh yet, so the answer alone would leave the job page on a state already gone.
 */
export function settleJobAnswer(queryClient: QueryClient, businessId: string, job: Job): Promise<void> {
  queryClient.setQueryData(jobKeys.detail(businessId, job.id), job);
  return queryClient.invalidateQueries({ queryKey: jobKeys.workspace(businessId) });
}
