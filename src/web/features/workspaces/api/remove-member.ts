import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function removeMember(businessId: string, userId: string) {
  return apiRequest(API.member(businessId, userId), { method: 'DELETE' });
}

/** Removes a member, or lets me leave when `userId` is mine. */
export function useRemoveMember(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(businessId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(businessId) }),
  });
}
