import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  commentParamsSchema,
  contentCommentListSchema,
  contentCommentSchema,
  createCommentBodySchema,
  updateCommentBodySchema,
} from '#shared/comments.schema.js';
import { contentParamsSchema } from '#shared/content.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['content'];
const security = [{ bearer: [] }];

/** Review comments on a content item (members, signed in as themselves). */
export function contentCommentRoutes(services: Pick<Services, 'contentComments'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/content/:id/comments',
      {
        schema: {
          tags,
          security,
          summary: 'An item’s review comments, oldest first (replies name their thread in parent_id)',
          params: contentParamsSchema,
          response: { 200: contentCommentListSchema },
        },
      },
      async (request) => ({
        items: await services.contentComments.list(principalOf(request), request.params.id),
      }),
    );

    app.post(
      '/content/:id/comments',
      {
        schema: {
          tags,
          security,
          summary: 'Comment on an item, or reply to a comment; mentioned members are notified',
          params: contentParamsSchema,
          body: createCommentBodySchema,
          response: { 201: contentCommentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.contentComments.create(principalOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/content/:id/comments/:commentId',
      {
        schema: {
          tags,
          security,
          summary: 'Edit one’s own comment; members it newly mentions are notified',
          params: commentParamsSchema,
          body: updateCommentBodySchema,
          response: { 200: contentCommentSchema },
        },
      },
      async (request) =>
        services.contentComments.update(
          principalOf(request),
          request.params.id,
          request.params.commentId,
          request.body,
        ),
    );

    app.delete(
      '/content/:id/comments/:commentId',
      {
        schema: {
          tags,
          security,
          summary: 'Delete one’s own comment (one with replies keeps its place, without its text)',
          params: commentParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.contentComments.remove(
          principalOf(request),
          request.params.id,
          request.params.commentId,
        );
        return reply.code(204).send(null);
      },
    );
  };
}
