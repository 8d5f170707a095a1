import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWebhookBodySchema,
  updateWebhookBodySchema,
  webhookDeliveryDetailSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliveryPageSchema,
  webhookDeliveryParamsSchema,
  webhookDeliverySchema,
  webhookListQuerySchema,
  webhookListSchema,
  webhookParamsSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from '#shared/webhook.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['webhooks'];
const security = [{ bearer: [] }];

/** Outbound webhooks under `/api/webhooks` (owners and admins). */
export function webhookRoutes(services: Pick<Services, 'webhooks'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/webhooks',
      {
        schema: {
          tags,
          security,
          summary: 'A workspace’s webhooks (never their secrets)',
          querystring: webhookListQuerySchema,
          response: { 200: webhookListSchema },
        },
      },
      async (request) => ({
        items: await services.webhooks.list(principalOf(request), request.query.business_id),
      }),
    );

    app.post(
      '/webhooks',
      {
        schema: {
          tags,
          security,
          summary: 'Register a webhook; the signing secret is shown only in this answer',
          description:
            'The URL is resolved and refused with 422 `url_not_allowed` when it points at a loopback, ' +
            'private, link-local or reserved address (unless the operator allows it).',
          body: createWebhookBodySchema,
          response: { 201: webhookWithSecretSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.webhooks.create(principalOf(request), request.body)),
    );

    app.patch(
      '/webhooks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Change a webhook’s URL, description, events or enabled flag',
          params: webhookParamsSchema,
          body: updateWebhookBodySchema,
          response: { 200: webhookSchema },
        },
      },
      async (request) => services.webhooks.update(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/webhooks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a webhook and its delivery log',
          params: webhookParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.webhooks.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/webhooks/:id/rotate-secret',
      {
        schema: {
          tags,
          security,
          summary: 'Issue a new signing secret (shown only in this answer); the old one stops at once',
          params: webhookParamsSchema,
          response: { 200: webhookWithSecretSchema },
        },
      },
      async (request) => services.webhooks.rotateSecret(principalOf(request), request.params.id),
    );

    app.post(
      '/webhooks/:id/test',
      {
        schema: {
          tags,
          security,
          summary: 'Send a signed `webhook.test` event to this webhook; answers with the queued delivery',
          params: webhookParamsSchema,
          response: { 202: webhookDeliverySchema },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await services.webhooks.sendTest(principalOf(request), request.params.id)),
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          security,
          summary: 'A webhook’s deliveries, newest first: status, status code, attempts and timing',
          params: webhookParamsSchema,
          querystring: webhookDeliveryListQuerySchema,
          response: { 200: webhookDeliveryPageSchema },
        },
      },
      async (request) => services.webhooks.deliveries(principalOf(request), request.params.id, request.query),
    );

    app.get(
      '/webhooks/:id/deliveries/:deliveryId',
      {
        schema: {
          tags,
          security,
          summary: 'One delivery with the body that was sent and every attempt',
          params: webhookDeliveryParamsSchema,
          response: { 200: webhookDeliveryDetailSchema },
        },
      },
      async (request) =>
        services.webhooks.delivery(principalOf(request), request.params.id, request.params.deliveryId),
    );

    app.post(
      '/webhooks/:id/deliveries/:deliveryId/redeliver',
      {
        schema: {
          tags,
          security,
          summary: 'Send a delivery’s event again (same event id and body) as a new delivery',
          params: webhookDeliveryParamsSchema,
          response: { 202: webhookDeliverySchema },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(
            await services.webhooks.redeliver(
              principalOf(request),
              request.params.id,
              request.params.deliveryId,
            ),
          ),
    );
  };
}
