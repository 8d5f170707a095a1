import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import type { replyBodySchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export type ReplyInput = z.input<typeof replyBodySchema>;

export function sendReply(messageId: string, body: ReplyInput) {
  // The thread is read again afterwards, so the answer itself is not needed here.
  return apiRequest(API.messageReply(messageId), { method: 'POST', body });
}

/**
 * Sends a reply through the workspace's connector and records it in the thread (its delivery status shows
 * there); `resolve` closes the conversation once it is sent.
 *
 * @example
 * await useSendReply(business.id).mutateAsync({ messageId, body: { body: text } });
 */
export function useSendReply(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: ReplyInput }) => sendReply(messageId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.workspace(businessId) }),
  });
}
