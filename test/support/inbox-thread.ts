import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ConversationThread, Message } from '#shared/inbox.schema.js';

/** A signed-in person's request to the test app (`app.inject` with their headers). */
type Call = (method: 'GET' | 'POST', url: string, payload?: object) => Promise<LightMyRequestResponse>;

/**
 * The inbox steps the network conversation tests take through the API.
 *
 * @example const { onlyConversation, reply } = inboxThread(call);
 */
export function inboxThread(call: Call) {
  return {
    /** The workspace's one conversation (failing the test when there are more or none) and its thread. */
    async onlyConversation(businessId: string): Promise<{ id: string; thread: ConversationThread }> {
      const listed = (await call('GET', `/api/messages?business_id=${businessId}`)).json<{
        items: Array<{ id: string }>;
      }>();
      expect(listed.items).toHaveLength(1);
      const id = listed.items[0]?.id ?? '';
      return { id, thread: (await call('GET', `/api/messages/${id}`)).json<ConversationThread>() };
    },
    /** Answer the conversation from the inbox; the reply as stored. */
    async reply(conversationId: string, body: string): Promise<Message> {
      const replied = await call('POST', `/api/messages/${conversationId}/reply`, { body });
      expect(replied.statusCode, replied.body).toBe(201);
      return replied.json<Message>();
    },
  };
}
