import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { invitationListSchema, invitationSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

/** Pending invitations (owners and admins). */
export function useInvitations(businessId: string) {
  return useQuery({
    queryKey: workspaceKeys.invitations(businessId),
    queryFn: async () =>
      (await apiRequest(API.invitations(businessId), { schema: invitationListSchema })).items,
  });
}

/** Email a new accept link (7 more days); the previous link stops working. */
export function useResendInvitation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest(API.invitationResend(businessId, invitationId), {
        method: 'POST',
        schema: invitationSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(businessId) }),
  });
}

export function useRevokeInvitation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest(API.invitation(businessId, invitationId), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(businessId) }),
  });
}
