import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { businessListSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export async function getBusinesses() {
  const { items } = await apiRequest(API.businesses, { schema: businessListSchema });
  return items;
}

export const businessesQueryOptions = () =>
  queryOptions({ queryKey: workspaceKeys.list(), queryFn: getBusinesses });

/** Every workspace the signed-in person belongs to, with their role in each. */
export function useBusinesses() {
  return useQuery(businessesQueryOptions());
}
