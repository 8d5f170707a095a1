import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { businessParamsSchema } from '#shared/business.schema.js';
import { contentItemSchema, contentParamsSchema } from '#shared/content.schema.js';
import {
  channelQueueSchema,
  putQueueSlotsBodySchema,
  queueChannelParamsSchema,
  queueContentBodySchema,
  queuesSchema,
} from '#shared/queues.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['queues'];
const security = [{ bearer: [] }];

/** Posting slots per channel, "add to queue" and duplicating an item. */
export function queueRoutes(services: Pick<Services, 'queues'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/business/:id/queues',
      {
        schema: {
          tags,
          security,
          summary:
            'Every channel’s posting slots (its own, or its network’s times) and best times from results',
          params: businessParamsSchema,
          response: { 200: queuesSchema },
        },
      },
      async (request) => services.queues.list(principalOf(request), request.params.id),
    );

    app.put(
      '/business/:id/queues/:channel',
      {
        schema: {
          tags,
          security,
          summary:
            'Replace a channel’s posting slots (owners and admins); an empty list uses the network’s times',
          params: queueChannelParamsSchema,
          body: putQueueSlotsBodySchema,
          response: { 200: channelQueueSchema },
        },
      },
      async (request) =>
        services.queues.replace(
          principalOf(request),
          request.params.id,
          request.params.channel,
          request.body,
        ),
    );

    app.post(
      '/content/:id/queue',
      {
        schema: {
          tags,
          security,
          summary:
            'Put the item at its channel’s next free slot: an approved item is scheduled, a draft is planned there',
          params: contentParamsSchema,
          body: queueContentBodySchema,
          response: { 200: contentItemSchema },
        },
      },
      async (request) => services.queues.queue(principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/content/:id/duplicate',
      {
        schema: {
          tags,
          security,
          summary: 'A new draft with the item’s brief, text, channel and media; no time, no results',
          params: contentParamsSchema,
          response: { 201: contentItemSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.queues.duplicate(principalOf(request), request.params.id)),
    );
  };
}
