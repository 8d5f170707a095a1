import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { jobSchema } from '#shared/jobs.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { settleJobAnswer } from './settle-job-answer.js';

export function retryJob(jobId: string) {
  return apiRequest(API.jobRetry(jobId), { method: 'POST', schema: jobSchema });
}

/**
 * Runs a failed or dead job again with a fresh set of attempts; the job answered replaces the cached one
 * at once and the lists refetch (its state filter may no longer match).
 *
 * @example
 * const retry = useRetryJob(business.id);
 * retry.mutate(job.id);
 */
export function useRetryJob(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => retryJob(jobId),
    onSuccess: (job) => settleJobAnswer(queryClient, businessId, job),
  });
}
