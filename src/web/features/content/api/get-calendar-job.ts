import { useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type Job, jobSchema } from '#shared/jobs.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

const FINISHED: readonly Job['state'][] = ['succeeded', 'dead', 'cancelled'];
/** Live `job.progress` events refresh the job at once; polling only covers a dropped socket. */
const POLL_MS = 3000;

/**
 * The calendar job being followed. Features cannot import each other, so this is not the jobs feature's
 * hook; its key is the jobs feature's detail key (`['jobs', businessId, 'detail', jobId]`), so both share
 * one cache entry and the `job.*` events that refresh `['jobs', businessId]` refresh this too.
 *
 * @example
 * const job = useCalendarJob(business.id, jobId);
 */
export function useCalendarJob(businessId: string, jobId: string) {
  return useQuery({
    queryKey: ['jobs', businessId, 'detail', jobId] as const,
    queryFn: () => apiRequest(API.job(jobId), { schema: jobSchema }),
    refetchInterval: (query) =>
      query.state.data && FINISHED.includes(query.state.data.state) ? false : POLL_MS,
  });
}
