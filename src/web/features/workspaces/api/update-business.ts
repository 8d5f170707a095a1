import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { businessSchema, type UpdateBusinessBody } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function updateBusiness(businessId: string, body: UpdateBusinessBody) {
  return apiRequest(API.business(businessId), { method: 'PATCH', body, schema: businessSchema });
}

/** Edits a workspace's profile; the switcher's list is refreshed because it shows the name. */
export function useUpdateBusiness(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBusinessBody) => updateBusiness(businessId, body),
    onSuccess: (business) => {
      queryClient.setQueryData(workspaceKeys.detail(businessId), business);
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}
