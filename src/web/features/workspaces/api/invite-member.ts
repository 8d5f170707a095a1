import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { API } from '#shared/api-paths.js';
import { type AddMemberBody, invitationSchema, type Member, memberSchema } from '#shared/business.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { workspaceKeys } from './query-keys.js';

const addAnswerSchema = z.union([memberSchema, invitationSchema]);

export function inviteMember(businessId: string, body: AddMemberBody) {
  return apiRequest(API.members(businessId), { method: 'POST', body, schema: addAnswerSchema });
}

/** Whether the address had an account (added at once) rather than a new pending invitation. */
export function isMember(answer: z.output<typeof addAnswerSchema>): answer is Member {
  return 'user_id' in answer;
}

/** Adds an account at once, or invites an address without one by email. */
export function useInviteMember(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => inviteMember(businessId, body),
    onSuccess: (answer) =>
      queryClient.invalidateQueries({
        queryKey: isMember(answer)
          ? workspaceKeys.members(businessId)
          : workspaceKeys.invitations(businessId),
      }),
  });
}
