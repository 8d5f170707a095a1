import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ContentItem, contentItemSchema } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

/** "Add to queue": the item goes to its channel's next free slot (scheduled when it is approved). */
export function useQueueContentItem(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest(API.contentQueue(id), { method: 'POST', body: { version }, schema: contentItemSchema }),
    onSuccess: (item: ContentItem) => queryClient.setQueryData(contentKeys.item(businessId, item.id), item),
    onSettled: (_item, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) }),
        queryClient.invalidateQueries({ queryKey: contentKeys.item(businessId, id) }),
      ]),
  });
}

/** A new draft copy of an item (same brief, text, channel and media; no time). */
export function useDuplicateContentItem(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(API.contentDuplicate(id), { method: 'POST', schema: contentItemSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) }),
  });
}
