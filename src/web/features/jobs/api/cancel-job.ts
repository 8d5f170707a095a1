import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { jobSchema } from '#shared/jobs.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { settleJobAnswer } from './settle-job-answer.js';

export function cancelJob(jobId: string) {
  return apiRequest(API.jobCancel(jobId), { method: 'POST', schema: jobSchema });
}

/**
 * Cancels a job that has not finished; a running one is asked to stop and settles as `cancelled`.
 *
 * @example
 * const cancel = useCancelJob(business.id);
 * cancel.mutate(job.id);
 */
export function useCancelJob(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => cancelJob(jobId),
    onSuccess: (job) => settleJobAnswer(queryClient, businessId, job),
  });
}
