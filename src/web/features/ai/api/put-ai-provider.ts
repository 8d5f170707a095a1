import { useMutation, useQueryClient } from '@tanstack/react-query';
import { aiProviderSettingsSchema, type PutAiProviderBody } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

export function putAiProvider(businessId: string, body: PutAiProviderBody) {
  return apiRequest(API.aiProvider(businessId), { method: 'PUT', body, schema: aiProviderSettingsSchema });
}

/** Points the workspace at its own OpenAI-compatible endpoint; omitting `api_key` keeps the stored one. */
export function usePutAiProvider(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutAiProviderBody) => putAiProvider(businessId, body),
    onSuccess: (settings) => queryClient.setQueryData(aiKeys.provider(businessId), settings),
  });
}
