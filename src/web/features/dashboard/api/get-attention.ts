import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { attentionSchema } from '#shared/attention.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { dashboardKeys } from './query-keys.js';

export function getAttention(businessId: string) {
  return apiRequest(API.attention(businessId), { schema: attentionSchema });
}

export const attentionQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: dashboardKeys.attention(businessId), queryFn: () => getAttention(businessId) });

/** What needs a person in the workspace; refetched when a live event changes any of it. */
export function useAttention(businessId: string) {
  return useQuery(attentionQueryOptions(businessId));
}
