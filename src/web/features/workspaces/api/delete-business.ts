import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function deleteBusiness(businessId: string) {
  return apiRequest(API.business(businessId), { method: 'DELETE' });
}

/** Deletes a workspace for good (owners only). */
export function useDeleteBusiness(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteBusiness(businessId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: workspaceKeys.detail(businessId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}
