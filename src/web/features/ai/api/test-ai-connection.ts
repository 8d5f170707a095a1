import { useMutation } from '@tanstack/react-query';
import { aiConnectionTestSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';

export function testAiConnection(businessId: string) {
  return apiRequest(API.aiProviderTest(businessId), { method: 'POST', schema: aiConnectionTestSchema });
}

/** Asks the configured model a one-line question and a small JSON Schema request; nothing is saved. */
export function useTestAiConnection(businessId: string) {
  return useMutation({ mutationFn: () => testAiConnection(businessId) });
}
