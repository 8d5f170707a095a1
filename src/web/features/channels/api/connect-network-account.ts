import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ConnectNetworkAccountBody, networkAccountSchema } from '#shared/network.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

export function connectNetworkAccount(body: ConnectNetworkAccountBody) {
  return apiRequest(API.networkAccounts, { method: 'POST', body, schema: networkAccountSchema });
}

/**
 * Connects an account with credentials the network accepts; connecting the same account again updates it.
 *
 * @example
 * const account = await useConnectNetworkAccount(business.id).mutateAsync(body);
 */
export function useConnectNetworkAccount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectNetworkAccountBody) => connectNetworkAccount(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsKeys.accounts(businessId) }),
  });
}
