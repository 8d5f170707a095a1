import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import {
  type CreateCommentBody,
  contentCommentListSchema,
  contentCommentSchema,
  type UpdateCommentBody,
} from '#shared/comments.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

const commentKeys = (businessId: string, itemId: string) =>
  [...contentKeys.item(businessId, itemId), 'comments'] as const;

/** An item's review comments, oldest first; replies name their thread in `parent_id`. */
export function useContentComments(businessId: string, itemId: string) {
  return useQuery({
    queryKey: commentKeys(businessId, itemId),
    queryFn: () => apiRequest(API.contentComments(itemId), { schema: contentCommentListSchema }),
  });
}

export function useCreateComment(businessId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateCommentBody> & Pick<CreateCommentBody, 'body'>) =>
      apiRequest(API.contentComments(itemId), { method: 'POST', body, schema: contentCommentSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys(businessId, itemId) }),
  });
}

export function useUpdateComment(businessId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCommentBody & { id: string }) =>
      apiRequest(API.contentComment(itemId, id), { method: 'PATCH', body, schema: contentCommentSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys(businessId, itemId) }),
  });
}

export function useDeleteComment(businessId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      apiRequest(API.contentComment(itemId, commentId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys(businessId, itemId) }),
  });
}
