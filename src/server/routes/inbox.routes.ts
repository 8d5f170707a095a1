import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cannedReplyListSchema,
  cannedReplySchema,
  createCannedReplyBodySchema,
  createInboxRuleBodySchema,
  createKnowledgeBodySchema,
  inboundSecretSchema,
  inboxItemParamsSchema,
  inboxListQuerySchema,
  inboxRuleListSchema,
  inboxRuleSchema,
  knowledgeEntrySchema,
  knowledgeListSchema,
  updateCannedReplyBodySchema,
  updateInboxRuleBodySchema,
  updateKnowledgeBodySchema,
} from '#shared/inbox.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['inbox'];
const security = [{ bearer: [] }];
const params = inboxItemParamsSchema;
const noContent = { 204: z.null() };

/** What helps answer customers, under `/api/inbox`: canned replies, knowledge, rules, the inbound secret. */
export function inboxRoutes(
  services: Pick<Services, 'inboxInbound' | 'inboxLibrary' | 'inboxRules'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    const library = services.inboxLibrary;
    const rules = services.inboxRules;

    app.get(
      '/inbox/canned-replies',
      {
        schema: {
          tags,
          security,
          summary: 'Canned replies',
          querystring: inboxListQuerySchema,
          response: { 200: cannedReplyListSchema },
        },
      },
      async (request) => ({
        items: await library.listCanned(principalOf(request), request.query.business_id),
      }),
    );
    app.post(
      '/inbox/canned-replies',
      {
        schema: {
          tags,
          security,
          summary: 'Keep a canned reply',
          body: createCannedReplyBodySchema,
          response: { 201: cannedReplySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await library.createCanned(principalOf(request), request.body)),
    );
    app.patch(
      '/inbox/canned-replies/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Change a canned reply',
          params,
          body: updateCannedReplyBodySchema,
          response: { 200: cannedReplySchema },
        },
      },
      async (request) => library.updateCanned(principalOf(request), request.params.id, request.body),
    );
    app.delete(
      '/inbox/canned-replies/:id',
      { schema: { tags, security, summary: 'Delete a canned reply', params, response: noContent } },
      async (request, reply) => {
        await library.deleteCanned(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/inbox/knowledge',
      {
        schema: {
          tags,
          security,
          summary: 'Knowledge-base entries that ground AI replies',
          querystring: inboxListQuerySchema,
          response: { 200: knowledgeListSchema },
        },
      },
      async (request) => ({
        items: await library.listKnowledge(principalOf(request), request.query.business_id),
      }),
    );
    app.post(
      '/inbox/knowledge',
      {
        schema: {
          tags,
          security,
          summary: 'Add a knowledge-base entry (owners and admins)',
          body: createKnowledgeBodySchema,
          response: { 201: knowledgeEntrySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await library.createKnowledge(principalOf(request), request.body)),
    );
    app.patch(
      '/inbox/knowledge/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Change a knowledge-base entry',
          params,
          body: updateKnowledgeBodySchema,
          response: { 200: knowledgeEntrySchema },
        },
      },
      async (request) => library.updateKnowledge(principalOf(request), request.params.id, request.body),
    );
    app.delete(
      '/inbox/knowledge/:id',
      { schema: { tags, security, summary: 'Delete a knowledge-base entry', params, response: noContent } },
      async (request, reply) => {
        await library.deleteKnowledge(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/inbox/rules',
      {
        schema: {
          tags,
          security,
          summary: 'Inbox rules in the order they apply',
          querystring: inboxListQuerySchema,
          response: { 200: inboxRuleListSchema },
        },
      },
      async (request) => ({ items: await rules.list(principalOf(request), request.query.business_id) }),
    );
    app.post(
      '/inbox/rules',
      {
        schema: {
          tags,
          security,
          summary: 'Add a rule (owners and admins)',
          description:
            'Keywords match whole words in any case; a pattern is refused (422 on `body.match.regex`) when ' +
            'it nests repetition or uses backreferences. `auto_send` sends the prepared draft without review ' +
            'and is off unless set here.',
          body: createInboxRuleBodySchema,
          response: { 201: inboxRuleSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await rules.create(principalOf(request), request.body)),
    );
    app.patch(
      '/inbox/rules/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Change a rule',
          params,
          body: updateInboxRuleBodySchema,
          response: { 200: inboxRuleSchema },
        },
      },
      async (request) => rules.update(principalOf(request), request.params.id, request.body),
    );
    app.delete(
      '/inbox/rules/:id',
      { schema: { tags, security, summary: 'Delete a rule', params, response: noContent } },
      async (request, reply) => {
        await rules.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/inbox/inbound-secret',
      {
        schema: {
          tags,
          security,
          summary: 'Whether the inbound webhook has a secret (never the secret itself)',
          querystring: inboxListQuerySchema,
          response: { 200: inboundSecretSchema },
        },
      },
      async (request) => services.inboxInbound.secretStatus(principalOf(request), request.query.business_id),
    );
    app.post(
      '/inbox/inbound-secret',
      {
        schema: {
          tags,
          security,
          summary: 'Issue (or rotate) the inbound webhook secret: shown in this answer only',
          body: inboxListQuerySchema,
          response: { 200: inboundSecretSchema },
        },
      },
      async (request) => services.inboxInbound.rotateSecret(principalOf(request), request.body.business_id),
    );
  };
}
