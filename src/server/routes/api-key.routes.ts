import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiKeyListSchema,
  apiKeyParamsSchema,
  auditPageSchema,
  businessParamsSchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
} from '#shared/business.schema.js';
import { pageQuerySchema } from '#shared/common.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const security = [{ bearer: [] }];

/** API keys and the audit log of a workspace (owners and admins). */
export function apiKeyRoutes(services: Pick<Services, 'apiKeys' | 'audit'>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['api keys'];
    app.get(
      '/business/:id/api-keys',
      {
        schema: {
          tags,
          security,
          summary: 'API keys of the workspace (never their secrets)',
          params: businessParamsSchema,
          response: { 200: apiKeyListSchema },
        },
      },
      async (request) => ({ items: await services.apiKeys.list(principalOf(request), request.params.id) }),
    );

    app.post(
      '/business/:id/api-keys',
      {
        schema: {
          tags,
          security,
          summary: 'Create an API key; the secret is shown only in this response',
          params: businessParamsSchema,
          body: createApiKeyBodySchema,
          response: { 201: createdApiKeySchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.apiKeys.create(principalOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/business/:id/api-keys/:keyId',
      {
        schema: {
          tags,
          security,
          summary: 'Revoke an API key',
          params: apiKeyParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.apiKeys.revoke(principalOf(request), request.params.id, request.params.keyId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/business/:id/audit-log',
      {
        schema: {
          tags: ['audit'],
          security,
          summary: 'Membership, role and key changes, newest first',
          params: businessParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: auditPageSchema },
        },
      },
      async (request) => services.audit.page(principalOf(request), request.params.id, request.query),
    );
  };
}
