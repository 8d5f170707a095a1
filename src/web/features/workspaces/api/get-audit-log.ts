import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { auditPageSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

const PAGE_SIZE = 25;

export function getAuditLogPage(businessId: string, cursor: string | undefined) {
  return apiRequest(API.auditLog(businessId), {
    schema: auditPageSchema,
    query: { limit: PAGE_SIZE, cursor },
  });
}

export const auditLogQueryOptions = (businessId: string) =>
  infiniteQueryOptions({
    queryKey: workspaceKeys.auditLog(businessId),
    queryFn: ({ pageParam }) => getAuditLogPage(businessId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/** The workspace's audit trail, newest first, one cursor page at a time. */
export function useAuditLog(businessId: string) {
  return useInfiniteQuery(auditLogQueryOptions(businessId));
}
