import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type NetworkId, networkAccountSchema } from '#shared/network.schema.js';
import {
  oauthNetworkListSchema,
  oauthNetworkSchema,
  oauthPickSchema,
  oauthStartSchema,
  type SaveOAuthAppBody,
} from '#shared/oauth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

// Networks connected through OAuth: which ones, whose app connects them, the flow's start, and the pick
// of the account when a login manages several.

/**
 * The networks connected through OAuth, with the redirect URL to register and whose app is used.
 *
 * @example
 * const networks = useOAuthNetworks(business.id);
 */
export function useOAuthNetworks(businessId: string) {
  return useQuery({
    queryKey: channelsKeys.oauthNetworks(businessId),
    queryFn: async () =>
      (
        await apiRequest(API.oauthNetworks, {
          schema: oauthNetworkListSchema,
          query: { business_id: businessId },
        })
      ).items,
  });
}

/** Save or forget the workspace's own app on a network. */
export function useOAuthApp(businessId: string, network: NetworkId) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: channelsKeys.oauthNetworks(businessId) });
  const save = useMutation({
    mutationFn: (body: Omit<SaveOAuthAppBody, 'business_id'>) =>
      apiRequest(API.oauthApp(network), {
        method: 'PUT',
        body: { ...body, business_id: businessId },
        schema: oauthNetworkSchema,
      }),
    onSuccess: refresh,
  });
  const clear = useMutation({
    mutationFn: () =>
      apiRequest(API.oauthApp(network), { method: 'DELETE', query: { business_id: businessId } }),
    onSuccess: refresh,
  });
  return { save, clear };
}

/**
 * Start connecting (or reconnecting `accountId`): the browser then goes to the network's consent page,
 * which sends it back to the channels page.
 *
 * @example
 * useStartOAuth(business.id).mutate({ network: 'x' });
 */
export function useStartOAuth(
  businessId: string,
  go: (url: string) => void = (url) => window.location.assign(url),
) {
  return useMutation({
    mutationFn: ({ network, accountId }: { network: NetworkId; accountId?: string }) =>
      apiRequest(API.oauthStart(network), {
        method: 'POST',
        body: { business_id: businessId, ...(accountId ? { account_id: accountId } : {}) },
        schema: oauthStartSchema,
      }),
    onSuccess: (started) => go(started.authorization_url),
  });
}

/** A flow waiting for the person to pick the account to connect; `flowId` from the callback's redirect. */
export function useOAuthPick(businessId: string, flowId: string | undefined) {
  return useQuery({
    queryKey: channelsKeys.oauthPick(businessId, flowId ?? ''),
    queryFn: () => apiRequest(API.oauthPick(flowId ?? ''), { schema: oauthPickSchema }),
    enabled: flowId !== undefined,
    retry: false,
  });
}

export function useCompleteOAuthPick(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flowId, targetId }: { flowId: string; targetId: string }) =>
      apiRequest(API.oauthPick(flowId), {
        method: 'POST',
        body: { target_id: targetId },
        schema: networkAccountSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsKeys.accounts(businessId) }),
  });
}
