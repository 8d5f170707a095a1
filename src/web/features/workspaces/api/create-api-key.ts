import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type CreateApiKeyBody, createdApiKeySchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function createApiKey(businessId: string, body: CreateApiKeyBody) {
  return apiRequest(API.apiKeys(businessId), { method: 'POST', body, schema: createdApiKeySchema });
}

/** Creates a key; the answer is the only time its secret is ever visible. */
export function useCreateApiKey(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => createApiKey(businessId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.apiKeys(businessId) }),
  });
}
