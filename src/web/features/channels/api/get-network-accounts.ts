import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { networkAccountListSchema } from '#shared/network.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

export async function getNetworkAccounts(businessId: string) {
  const { items } = await apiRequest(API.networkAccounts, {
    schema: networkAccountListSchema,
    query: { business_id: businessId },
  });
  return items;
}

export const networkAccountsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: channelsKeys.accounts(businessId),
    queryFn: () => getNetworkAccounts(businessId),
  });

/**
 * The workspace's connected network accounts with their token health (never their tokens).
 *
 * @example
 * const accounts = useNetworkAccounts(business.id);
 */
export function useNetworkAccounts(businessId: string) {
  return useQuery(networkAccountsQueryOptions(businessId));
}
