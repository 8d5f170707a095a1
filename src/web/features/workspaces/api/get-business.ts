import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { businessSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function getBusiness(businessId: string) {
  return apiRequest(API.business(businessId), { schema: businessSchema });
}

export const businessQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: workspaceKeys.detail(businessId), queryFn: () => getBusiness(businessId) });

/** One workspace, including the signed-in person's role in it. */
export function useBusiness(businessId: string) {
  return useQuery(businessQueryOptions(businessId));
}
