import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type CreateContentBody, contentItemSchema } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export type NewContentItem = Partial<Omit<CreateContentBody, 'business_id'>> &
  Pick<CreateContentBody, 'channel'>;

export function createContentItem(body: CreateContentBody | (NewContentItem & { business_id: string })) {
  return apiRequest(API.contentItems, { method: 'POST', body, schema: contentItemSchema });
}

/** Saves an idea or a draft (422 `over_channel_limit` when the text breaks the channel's rules). */
export function useCreateContentItem(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewContentItem) => createContentItem({ ...body, business_id: businessId }),
    onSuccess: (item) => {
      queryClient.setQueryData(contentKeys.item(businessId, item.id), item);
      return queryClient.invalidateQueries({ queryKey: contentKeys.lists(businessId) });
    },
  });
}
