import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { contentHistoryPageSchema } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export function getContentHistory(itemId: string) {
  return apiRequest(API.contentHistory(itemId), { schema: contentHistoryPageSchema, query: { limit: 100 } });
}

export const contentHistoryQueryOptions = (businessId: string, itemId: string) =>
  queryOptions({
    queryKey: contentKeys.history(businessId, itemId),
    queryFn: () => getContentHistory(itemId),
  });

/** Every change of an item, oldest first (the latest 100). */
export function useContentHistory(businessId: string, itemId: string) {
  return useQuery(contentHistoryQueryOptions(businessId, itemId));
}
