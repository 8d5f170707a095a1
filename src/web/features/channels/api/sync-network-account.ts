import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { networkSyncResultSchema } from '#shared/network.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

export function syncNetworkAccount(accountId: string) {
  return apiRequest(API.networkAccountSync(accountId), { method: 'POST', schema: networkSyncResultSchema });
}

/**
 * Reads the account's published posts' results and new mentions now; the account's health may change
 * (a refused token marks it for reconnecting), so the list is read again either way.
 *
 * @example
 * const { posts_measured } = await useSyncNetworkAccount(business.id).mutateAsync(account.id);
 */
export function useSyncNetworkAccount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => syncNetworkAccount(accountId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelsKeys.accounts(businessId) }),
  });
}
