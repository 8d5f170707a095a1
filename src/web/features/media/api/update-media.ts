import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type MediaItem, mediaItemSchema, type UpdateMediaBody } from '#shared/media.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { mediaKeys } from './query-keys.js';

export function updateMedia(mediaId: string, body: UpdateMediaBody) {
  return apiRequest(API.mediaItem(mediaId), { method: 'PATCH', body, schema: mediaItemSchema });
}

/** Describe an item (name, alt text, tags, focal point); the library lists refresh afterwards. */
export function useUpdateMedia(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMediaBody }) => updateMedia(id, body),
    onSuccess: (item: MediaItem) => queryClient.setQueryData(mediaKeys.item(businessId, item.id), item),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mediaKeys.lists(businessId) }),
  });
}
