import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type AddMemberBody, memberSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

export function inviteMember(businessId: string, body: AddMemberBody) {
  return apiRequest(API.members(businessId), { method: 'POST', body, schema: memberSchema });
}

/** Adds an existing account to the workspace with a role. */
export function useInviteMember(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => inviteMember(businessId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(businessId) }),
  });
}
