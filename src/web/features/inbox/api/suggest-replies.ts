import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { aiReplyResponseSchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** Asks for `count` (1–3) drafts answering message `messageId`. */
export function suggestReplies(messageId: string, count: number) {
  return apiRequest(API.messageAiReply(messageId), {
    method: 'POST',
    body: { count },
    schema: aiReplyResponseSchema,
  });
}

/**
 * AI reply suggestions in the brand's voice, each naming what it relied on; nothing is sent until a person
 * sends it.
 *
 * @example
 * const { suggestions } = await useSuggestReplies().mutateAsync({ messageId, count: 3 });
 */
export function useSuggestReplies() {
  return useMutation({
    mutationFn: ({ messageId, count }: { messageId: string; count: number }) =>
      suggestReplies(messageId, count),
  });
}
