import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import type { updateConversationBodySchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export type UpdateConversationInput = z.input<typeof updateConversationBodySchema>;

export function updateConversation(conversationId: string, body: UpdateConversationInput) {
  // The list and thread are read again afterwards, so the answer itself is not needed here.
  return apiRequest(API.message(conversationId), { method: 'PATCH', body });
}

/**
 * Triage by hand: status (snooze needs `snoozed_until`), assignee, labels, priority, or a corrected
 * classification. Refreshes the list and the thread.
 *
 * @example
 * useUpdateConversation(business.id).mutate({ id, body: { status: 'resolved' } });
 */
export function useUpdateConversation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateConversationInput }) => updateConversation(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.workspace(businessId) }),
  });
}
