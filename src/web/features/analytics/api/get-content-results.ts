import { useQuery } from '@tanstack/react-query';
import { contentResultsSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function getContentResults(itemId: string) {
  return apiRequest(API.contentResults(itemId), { schema: contentResultsSchema });
}

/** An item's recorded results, the latest day first; recording a day refreshes them. */
export function useContentResults(businessId: string, itemId: string) {
  return useQuery({
    queryKey: analyticsKeys.contentResults(businessId, itemId),
    queryFn: () => getContentResults(itemId),
  });
}
