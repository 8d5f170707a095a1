import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { memberListSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export async function getMembers(businessId: string) {
  const { items } = await apiRequest(API.members(businessId), { schema: memberListSchema });
  return items;
}

export const membersQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: workspaceKeys.members(businessId), queryFn: () => getMembers(businessId) });

/** The people in a workspace and their roles. */
export function useMembers(businessId: string) {
  return useQuery(membersQueryOptions(businessId));
}
