import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { jobSchema } from '#shared/jobs.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { pollWhileAtWork } from './poll-active.js';
import { jobKeys } from './query-keys.js';

export function getJob(jobId: string) {
  return apiRequest(API.job(jobId), { schema: jobSchema });
}

export const jobQueryOptions = (businessId: string, jobId: string) =>
  queryOptions({
    queryKey: jobKeys.detail(businessId, jobId),
    queryFn: () => getJob(jobId),
    refetchInterval: (query) => pollWhileAtWork(query.state.data ? [query.state.data] : []),
  });

/**
 * One job: state, progress, attempts, and its result or last error. Keyed under the workspace so its live
 * events refresh it (another workspace's job id answers 404).
 *
 * @example
 * const job = useJob(business.id, jobId);
 */
export function useJob(businessId: string, jobId: string) {
  return useQuery(jobQueryOptions(businessId, jobId));
}
