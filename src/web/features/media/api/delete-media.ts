import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { mediaKeys } from './query-keys.js';

/** Delete an item with its files; 409 `media_in_use` names the posts it is attached to. */
export function useDeleteMedia(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) => apiRequest(API.mediaItem(mediaId), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediaKeys.lists(businessId) }),
  });
}
