import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

export function disconnectNetworkAccount(accountId: string) {
  return apiRequest(API.networkAccount(accountId), { method: 'DELETE' });
}

/**
 * Forgets an account and its tokens; its posts stay on the network.
 *
 * @example
 * useDisconnectNetworkAccount(business.id).mutate(account.id);
 */
export function useDisconnectNetworkAccount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => disconnectNetworkAccount(accountId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsKeys.accounts(businessId) }),
  });
}
