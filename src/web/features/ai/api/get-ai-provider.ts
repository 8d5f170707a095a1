import { queryOptions, useQuery } from '@tanstack/react-query';
import { aiProviderSettingsSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

export function getAiProvider(businessId: string) {
  return apiRequest(API.aiProvider(businessId), { schema: aiProviderSettingsSchema });
}

export const aiProviderQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: aiKeys.provider(businessId), queryFn: () => getAiProvider(businessId) });

/** Where this workspace's AI calls go; the key itself is never sent, only its last four characters. */
export function useAiProvider(businessId: string) {
  return useQuery(aiProviderQueryOptions(businessId));
}
