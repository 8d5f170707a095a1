import { useMutation } from '@tanstack/react-query';
import { aiRunMetaSchema } from '#shared/ai.schema.js';
import { type RewriteContentInput, rewriteContentOutputSchema } from '#shared/ai-tasks.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';

const rewriteResultSchema = aiRunMetaSchema.extend({ output: rewriteContentOutputSchema });

export function rewriteContent(businessId: string, input: RewriteContentInput) {
  return apiRequest(API.aiTask('rewriteContent'), {
    method: 'POST',
    body: { business_id: businessId, input },
    schema: rewriteResultSchema,
  });
}

/** Rewrites text (shorter, longer, another tone, another variant); nothing is saved until the person saves. */
export function useRewriteContent(businessId: string) {
  return useMutation({ mutationFn: (input: RewriteContentInput) => rewriteContent(businessId, input) });
}
