import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { businessSchema, type CreateBusinessBody } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function createBusiness(body: CreateBusinessBody) {
  return apiRequest(API.businesses, { method: 'POST', body, schema: businessSchema });
}

/** Creates a workspace owned by the signed-in person. */
export function useCreateBusiness() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBusiness,
    onSuccess: (business) => {
      queryClient.setQueryData(workspaceKeys.detail(business.id), business);
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}
