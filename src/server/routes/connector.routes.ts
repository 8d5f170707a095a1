import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  connectorListQuerySchema,
  connectorListSchema,
  connectorParamsSchema,
  connectorTestResultSchema,
  connectorWithSecretSchema,
  createConnectorBodySchema,
  publishAttemptListSchema,
  updateConnectorBodySchema,
} from '#shared/connector.schema.js';
import { contentParamsSchema } from '#shared/content.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['publishing'];
const security = [{ bearer: [] }];

/** Publishing connectors (owners and admins) and the publish attempts of a content item. */
export function connectorRoutes(
  services: Pick<Services, 'connectors' | 'publishing'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/connectors',
      {
        schema: {
          tags,
          security,
          summary: 'Publishing connectors of a workspace (never their secrets)',
          querystring: connectorListQuerySchema,
          response: { 200: connectorListSchema },
        },
      },
      async (request) => ({
        items: await services.connectors.list(principalOf(request), request.query.business_id),
      }),
    );

    app.post(
      '/connectors',
      {
        schema: {
          tags,
          security,
          summary: 'Add a connector; its signing secret is shown only in this response',
          body: createConnectorBodySchema,
          response: { 201: connectorWithSecretSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.connectors.create(principalOf(request), request.body)),
    );

    app.patch(
      '/connectors/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Change a connector; with rotate_secret, the new secret is shown only in this response',
          params: connectorParamsSchema,
          body: updateConnectorBodySchema,
          response: { 200: connectorWithSecretSchema },
        },
      },
      async (request) => services.connectors.update(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/connectors/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a connector (its past attempts stay on the items)',
          params: connectorParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.connectors.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/connectors/:id/test',
      {
        schema: {
          tags,
          security,
          summary: 'Send a signed test payload now and report how the receiver answered',
          params: connectorParamsSchema,
          response: { 200: connectorTestResultSchema },
        },
      },
      async (request) => services.connectors.test(principalOf(request), request.params.id),
    );

    app.get(
      '/content/:id/publish-attempts',
      {
        schema: {
          tags: ['content', ...tags],
          security,
          summary: 'Every attempt to publish the item, oldest first, with status code, timing and error',
          params: contentParamsSchema,
          response: { 200: publishAttemptListSchema },
        },
      },
      async (request) => ({
        items: await services.publishing.attempts(principalOf(request), request.params.id),
      }),
    );
  };
}
