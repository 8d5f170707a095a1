import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessParamsSchema } from '#shared/business.schema.js';
import {
  createdReviewLinkSchema,
  createReviewLinkBodySchema,
  reviewLinkListSchema,
  reviewLinkParamsSchema,
  sharedReviewQuerySchema,
  sharedReviewSchema,
} from '#shared/review-links.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['content export'];
const security = [{ bearer: [] }];

/** Managing a workspace's read-only review links (Bearer; owners and admins). */
export function reviewLinkRoutes(services: Pick<Services, 'reviewLinks'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/business/:id/review-links',
      {
        schema: {
          tags,
          security,
          summary: 'The workspace’s review links, active or not (never their tokens)',
          params: businessParamsSchema,
          response: { 200: reviewLinkListSchema },
        },
      },
      async (request) => ({
        items: await services.reviewLinks.list(principalOf(request), request.params.id),
      }),
    );

    app.post(
      '/business/:id/review-links',
      {
        schema: {
          tags,
          security,
          summary: 'Create a read-only review link for a client; the token is shown only in this response',
          params: businessParamsSchema,
          body: createReviewLinkBodySchema,
          response: { 201: createdReviewLinkSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.reviewLinks.create(principalOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/business/:id/review-links/:linkId',
      {
        schema: {
          tags,
          security,
          summary: 'Revoke a review link: it answers 404 from now on',
          params: reviewLinkParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.reviewLinks.revoke(principalOf(request), request.params.id, request.params.linkId);
        return reply.code(204).send(null);
      },
    );
  };
}

/** What a review link shows: no Bearer token, the secret is the credential (still rate-limited). */
export function sharedReviewRoutes(services: Pick<Services, 'reviewLinks'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/review',
      {
        schema: {
          tags,
          summary: 'The calendar a review link shares, read-only; 404 once it expired or was revoked',
          querystring: sharedReviewQuerySchema,
          response: { 200: sharedReviewSchema },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .send(await services.reviewLinks.shared(request.query.token)),
    );
  };
}
