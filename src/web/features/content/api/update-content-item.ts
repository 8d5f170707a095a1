import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ContentItem, contentItemSchema, type UpdateContentBody } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export function updateContentItem(itemId: string, body: UpdateContentBody) {
  return apiRequest(API.contentItem(itemId), { method: 'PATCH', body, schema: contentItemSchema });
}

/**
 * Edits an item from the version it was read at; a stale version fails with 409 `version_conflict`, after
 * which the item is refetched so the next attempt starts from what is saved.
 */
export function useUpdateContentItem(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateContentBody }) => updateContentItem(id, body),
    onSuccess: (item: ContentItem) => queryClient.setQueryData(contentKeys.item(businessId, item.id), item),
    onSettled: (_item, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) }),
        queryClient.invalidateQueries({ queryKey: contentKeys.item(businessId, id) }),
      ]),
  });
}
