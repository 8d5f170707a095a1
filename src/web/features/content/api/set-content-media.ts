import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ContentItem, contentItemSchema, type SetContentMediaBody } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export function setContentMedia(itemId: string, body: SetContentMediaBody) {
  return apiRequest(API.contentMedia(itemId), { method: 'PUT', body, schema: contentItemSchema });
}

/**
 * Set an item's media (ids in order) from the version it was read at, like any edit: a stale version
 * fails with 409 `version_conflict`, after which the item is refetched.
 */
export function useSetContentMedia(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SetContentMediaBody }) => setContentMedia(id, body),
    onSuccess: (item: ContentItem) => queryClient.setQueryData(contentKeys.item(businessId, item.id), item),
    onSettled: (_item, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) }),
        queryClient.invalidateQueries({ queryKey: contentKeys.item(businessId, id) }),
      ]),
  });
}
