import { useMutation, useQueryClient } from '@tanstack/react-query';
import { aiProviderSettingsSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

export function deleteAiProvider(businessId: string) {
  return apiRequest(API.aiProvider(businessId), { method: 'DELETE', schema: aiProviderSettingsSchema });
}

/** Forgets the workspace's endpoint and key: calls go to the server's provider or the offline writer. */
export function useDeleteAiProvider(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteAiProvider(businessId),
    onSuccess: (settings) => queryClient.setQueryData(aiKeys.provider(businessId), settings),
  });
}
