import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiKeyListSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export async function getApiKeys(businessId: string) {
  const { items } = await apiRequest(API.apiKeys(businessId), { schema: apiKeyListSchema });
  return items;
}

export const apiKeysQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: workspaceKeys.apiKeys(businessId), queryFn: () => getApiKeys(businessId) });

/** The workspace's API keys (never their secrets), revoked ones included. */
export function useApiKeys(businessId: string) {
  return useQuery(apiKeysQueryOptions(businessId));
}
