import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type JobState, jobPageSchema } from '#shared/jobs.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { pollWhileAtWork } from './poll-active.js';
import { jobKeys } from './query-keys.js';

const PAGE_SIZE = 25;

export function getJobsPage(businessId: string, state: JobState | undefined, cursor: string | undefined) {
  return apiRequest(API.jobs, {
    schema: jobPageSchema,
    query: { business_id: businessId, state, limit: PAGE_SIZE, cursor },
  });
}

export const jobsQueryOptions = (businessId: string, state: JobState | undefined) =>
  infiniteQueryOptions({
    queryKey: jobKeys.list(businessId, state),
    queryFn: ({ pageParam }) => getJobsPage(businessId, state, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: (query) => pollWhileAtWork(query.state.data?.pages.flatMap((page) => page.items) ?? []),
  });

/**
 * A workspace's recent jobs, newest first, optionally in one state, a cursor page at a time. Live job
 * events refresh it, so progress moves without polling.
 *
 * @example
 * const failed = useJobs(business.id, 'dead');
 */
export function useJobs(businessId: string, state?: JobState) {
  return useInfiniteQuery(jobsQueryOptions(businessId, state));
}
