import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { memberSchema } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function changeMemberRole(businessId: string, userId: string, role: Role) {
  return apiRequest(API.member(businessId, userId), {
    method: 'PATCH',
    body: { role },
    schema: memberSchema,
  });
}

/** Changes a member's role; my own role may change too, so the workspace itself is refreshed. */
export function useChangeMemberRole(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      changeMemberRole(businessId, userId, role),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(businessId) }),
  });
}
