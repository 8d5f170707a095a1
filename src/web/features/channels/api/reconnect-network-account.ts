import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { networkAccountSchema, type ReconnectNetworkAccountBody } from '#shared/network.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

export function reconnectNetworkAccount(accountId: string, body: ReconnectNetworkAccountBody) {
  return apiRequest(API.networkAccountCredentials(accountId), {
    method: 'PUT',
    body,
    schema: networkAccountSchema,
  });
}

/**
 * Replaces an account's token with a new one for the same remote account (another account's is refused).
 *
 * @example
 * useReconnectNetworkAccount(business.id).mutate({ id: account.id, body: { credentials } });
 */
export function useReconnectNetworkAccount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReconnectNetworkAccountBody }) =>
      reconnectNetworkAccount(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsKeys.accounts(businessId) }),
  });
}
