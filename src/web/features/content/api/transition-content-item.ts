import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { contentItemSchema, type TransitionContentBody } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export function transitionContentItem(itemId: string, body: TransitionContentBody) {
  return apiRequest(API.contentTransition(itemId), { method: 'POST', body, schema: contentItemSchema });
}

/** Moves an item along the workflow (submit, approve, send back, schedule…); the server checks the role. */
export function useTransitionContentItem(businessId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionContentBody) => transitionContentItem(itemId, body),
    onSuccess: (item) => queryClient.setQueryData(contentKeys.item(businessId, itemId), item),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) }),
        queryClient.invalidateQueries({ queryKey: contentKeys.item(businessId, itemId) }),
      ]),
  });
}
