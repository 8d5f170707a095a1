import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ComposePostBody, composePostResultSchema } from '#shared/compose.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

/** The composer's request as the form builds it (the server fills the defaults). */
export type ComposePostRequest = Omit<ComposePostBody, 'business_id'>;

export function composePost(businessId: string, body: ComposePostRequest) {
  return apiRequest(API.contentPosts, {
    method: 'POST',
    body: { ...body, business_id: businessId },
    schema: composePostResultSchema,
  });
}

/**
 * Creates a variant per network in one go, all or none (400 names each refused field at
 * `body.variants.<channel>.<field>`); the workspace's lists are read again afterwards.
 */
export function useComposePost(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComposePostRequest) => composePost(businessId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) }),
  });
}
