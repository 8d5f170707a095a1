import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function revokeApiKey(businessId: string, keyId: string) {
  return apiRequest(API.apiKey(businessId, keyId), { method: 'DELETE' });
}

/** Revokes a key at once; integrations using it start getting 401s. */
export function useRevokeApiKey(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => revokeApiKey(businessId, keyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.apiKeys(businessId) }),
  });
}
