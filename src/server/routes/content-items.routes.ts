import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { composePostBodySchema, composePostResultSchema } from '#shared/compose.schema.js';
import {
  bulkContentBodySchema,
  bulkContentResultSchema,
  contentHistoryPageSchema,
  contentHistoryQuerySchema,
  contentItemSchema,
  contentListQuerySchema,
  contentPageSchema,
  contentParamsSchema,
  createContentBodySchema,
  rewriteContentItemBodySchema,
  rewriteContentItemResultSchema,
  setContentMediaBodySchema,
  transitionContentBodySchema,
  updateContentBodySchema,
} from '#shared/content.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';
import { abortOnDisconnect } from './ai.routes.js';

const tags = ['content'];
const security = [{ bearer: [] }];

/** The content library and calendar under `/api/content` (generation lives in content.routes.ts). */
export function contentItemRoutes(
  services: Pick<
    Services,
    'ai' | 'compose' | 'content' | 'contentMedia' | 'contentStudio' | 'contentWorkflow'
  >,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/content',
      {
        schema: {
          tags,
          security,
          summary:
            'Content items: a calendar range (from/to on scheduled_at) or the whole library, filtered and searched (q)',
          querystring: contentListQuerySchema,
          response: { 200: contentPageSchema },
        },
      },
      async (request) => services.content.list(principalOf(request), request.query),
    );

    app.post(
      '/content',
      {
        schema: {
          tags,
          security,
          summary: 'Save an idea or a draft (422 when the text breaks the channel’s limits)',
          body: createContentBodySchema,
          response: { 201: contentItemSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.content.create(principalOf(request), request.body)),
    );

    app.post(
      '/content/bulk',
      {
        schema: {
          tags,
          security,
          summary:
            'Reschedule, change the status or campaign of, delete or restore (undo a delete) many items: all or nothing',
          body: bulkContentBodySchema,
          response: { 200: bulkContentResultSchema },
        },
      },
      async (request) => services.contentWorkflow.bulk(principalOf(request), request.body),
    );

    app.post(
      '/content/posts',
      {
        schema: {
          tags,
          security,
          summary:
            'Compose one post for several networks: a variant per channel, saved, sent for review or scheduled together',
          description:
            'Every variant becomes a content item linked by `post_group` (list them with `GET /api/content?post_group=…`). All are created in one transaction or none: a variant that breaks its channel’s rules answers 400 with `errors[]` at `body.variants.<channel>.<field>`. `schedule` and `queue` (each channel’s next free slot) are for owners and admins.',
          body: composePostBodySchema,
          response: { 201: composePostResultSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.compose.compose(principalOf(request), request.body)),
    );

    app.get(
      '/content/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One content item',
          params: contentParamsSchema,
          response: { 200: contentItemSchema },
        },
      },
      async (request) => services.content.get(principalOf(request), request.params.id),
    );

    app.patch(
      '/content/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Edit an item; send the version you edited (409 version_conflict when it is stale)',
          params: contentParamsSchema,
          body: updateContentBodySchema,
          response: { 200: contentItemSchema },
        },
      },
      async (request) => services.content.update(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/content/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete an item (owner, admin); a bulk restore brings it back within 24 hours',
          params: contentParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.content.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/content/:id/media',
      {
        schema: {
          tags,
          security,
          summary:
            'Set the item’s media from the library, in publishing order (422 when the count breaks the channel’s limits)',
          params: contentParamsSchema,
          body: setContentMediaBodySchema,
          response: { 200: contentItemSchema },
        },
      },
      async (request) => services.contentMedia.set(principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/content/:id/rewrite',
      {
        schema: {
          tags,
          security,
          summary: 'Suggest a rewrite of the item’s text with the AI (nothing is saved)',
          params: contentParamsSchema,
          body: rewriteContentItemBodySchema,
          response: { 200: rewriteContentItemResultSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { signal } = abortOnDisconnect(reply.raw);
        return services.contentStudio.rewrite(
          principal,
          request.params.id,
          request.body,
          (businessId, input) => services.ai.run(principal, businessId, 'rewriteContent', input, { signal }),
        );
      },
    );

    app.post(
      '/content/:id/transition',
      {
        schema: {
          tags,
          security,
          summary:
            'Move an item along the workflow: submit, withdraw, approve, send back, schedule, unschedule',
          params: contentParamsSchema,
          body: transitionContentBodySchema,
          response: { 200: contentItemSchema },
        },
      },
      async (request) =>
        services.contentWorkflow.transition(principalOf(request), request.params.id, request.body),
    );

    app.get(
      '/content/:id/history',
      {
        schema: {
          tags,
          security,
          summary: 'Every change of an item, oldest first',
          params: contentParamsSchema,
          querystring: contentHistoryQuerySchema,
          response: { 200: contentHistoryPageSchema },
        },
      },
      async (request) => services.content.history(principalOf(request), request.params.id, request.query),
    );
  };
}
