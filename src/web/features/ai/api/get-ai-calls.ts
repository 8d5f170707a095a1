import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { aiCallsPageSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

const PAGE_SIZE = 20;

export function getAiCallsPage(businessId: string, cursor: string | undefined) {
  return apiRequest(API.aiCalls, {
    schema: aiCallsPageSchema,
    query: { business_id: businessId, limit: PAGE_SIZE, cursor },
  });
}

export const aiCallsQueryOptions = (businessId: string) =>
  infiniteQueryOptions({
    queryKey: aiKeys.calls(businessId),
    queryFn: ({ pageParam }) => getAiCallsPage(businessId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/** The workspace's AI calls, newest first, one cursor page at a time. */
export function useAiCalls(businessId: string) {
  return useInfiniteQuery(aiCallsQueryOptions(businessId));
}
