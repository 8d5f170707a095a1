import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  aiReplyBodySchema,
  aiReplyResponseSchema,
  conversationListQuerySchema,
  conversationPageSchema,
  conversationParamsSchema,
  conversationThreadSchema,
  importMessagesBodySchema,
  importMessagesResultSchema,
  ingestMessageBodySchema,
  ingestResultSchema,
  messageSchema,
  replyBodySchema,
  updateConversationBodySchema,
} from '#shared/inbox.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['inbox'];
const security = [{ bearer: [] }];

/** The inbox's conversations under `/api/messages` (the original design's path). */
export function messageRoutes(
  services: Pick<Services, 'inbox' | 'inboxImport' | 'inboxReplies'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/messages',
      {
        schema: {
          tags,
          security,
          summary: 'Conversations with their latest message, urgent first, then the most recent',
          description:
            'Filters combine; `q` searches every message of a conversation and the customer’s name and ' +
            'handle (case-insensitive substring). `assignee=none` lists unassigned conversations.',
          querystring: conversationListQuerySchema,
          response: { 200: conversationPageSchema },
        },
      },
      async (request) => services.inbox.list(principalOf(request), request.query),
    );

    app.post(
      '/messages',
      {
        // Customer text from another system: a NUL in it is dropped, not refused (docs/inbox.md).
        config: { nulCharacters: 'strip' },
        schema: {
          tags,
          security,
          summary: 'Ingest one customer message (idempotent on channel + external id)',
          description: 'A new message answers 201 and is classified in the background; a repeat answers 200.',
          body: ingestMessageBodySchema,
          response: { 200: ingestResultSchema, 201: ingestResultSchema },
        },
      },
      async (request, reply) => {
        const result = await services.inbox.ingest(principalOf(request), request.body);
        return reply.code(result.duplicate ? 200 : 201).send(result);
      },
    );

    app.post(
      '/messages/import',
      {
        config: { nulCharacters: 'strip' },
        schema: {
          tags,
          security,
          summary: 'Import messages from CSV or a JSON array: all rows or none',
          description:
            'CSV header: channel, external_id, customer_id, customer_name, customer_handle, body, sent_at. ' +
            'Any invalid row refuses the whole import with 422 `bulk_failed` naming each cell.',
          body: importMessagesBodySchema,
          response: { 200: importMessagesResultSchema },
        },
      },
      async (request) => services.inboxImport.import(principalOf(request), request.body),
    );

    app.get(
      '/messages/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A conversation and its whole thread',
          params: conversationParamsSchema,
          response: { 200: conversationThreadSchema },
        },
      },
      async (request) => services.inbox.thread(principalOf(request), request.params.id),
    );

    app.patch(
      '/messages/:id',
      {
        schema: {
          tags,
          security,
          summary:
            'Triage a conversation: status, snooze, assignee, labels, priority, corrected classification',
          params: conversationParamsSchema,
          body: updateConversationBodySchema,
          response: { 200: conversationThreadSchema },
        },
      },
      async (request) => services.inbox.update(principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/messages/:id/ai-reply',
      {
        schema: {
          tags,
          security,
          summary: 'Suggest 1–3 replies to the latest customer message (nothing is sent)',
          description:
            'Grounded in the brand profile and the knowledge base; each suggestion lists what it relied on. ' +
            'The customer’s text reaches the model as fenced data, never as instructions.',
          params: conversationParamsSchema,
          body: aiReplyBodySchema,
          response: { 200: aiReplyResponseSchema },
        },
      },
      async (request) =>
        services.inboxReplies.suggest(principalOf(request), request.params.id, request.body.count),
    );

    app.post(
      '/messages/:id/reply',
      {
        schema: {
          tags,
          security,
          summary: 'Send a reply through the workspace’s connector and record it in the thread',
          description:
            'Answers 201 with the message and its `delivery_status` (`sent`, or `failed` with ' +
            '`delivery_error` when no connector serves the channel or the receiver refused it).',
          params: conversationParamsSchema,
          body: replyBodySchema,
          response: { 201: messageSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.inboxReplies.reply(principalOf(request), request.params.id, request.body)),
    );
  };
}
