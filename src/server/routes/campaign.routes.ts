import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  campaignListQuerySchema,
  campaignPageSchema,
  campaignParamsSchema,
  campaignSchema,
  createCampaignBodySchema,
  updateCampaignBodySchema,
} from '#shared/campaign.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['campaigns'];
const security = [{ bearer: [] }];

/** Campaigns under `/api/campaign`. */
export function campaignRoutes(services: Pick<Services, 'campaigns'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaign/',
      {
        schema: {
          tags,
          security,
          summary: 'A workspace’s campaigns: filter by status and dates, sort, page by cursor',
          querystring: campaignListQuerySchema,
          response: { 200: campaignPageSchema },
        },
      },
      async (request) => services.campaigns.list(principalOf(request), request.query),
    );

    app.post(
      '/campaign/',
      {
        schema: {
          tags,
          security,
          summary: 'Plan a campaign (starts as a draft; owner, admin, editor)',
          body: createCampaignBodySchema,
          response: { 201: campaignSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.campaigns.create(principalOf(request), request.body)),
    );

    app.get(
      '/campaign/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One campaign',
          params: campaignParamsSchema,
          response: { 200: campaignSchema },
        },
      },
      async (request) => services.campaigns.get(principalOf(request), request.params.id),
    );

    app.patch(
      '/campaign/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Update a campaign; status moves draft → active ⇄ paused → completed → archived',
          params: campaignParamsSchema,
          body: updateCampaignBodySchema,
          response: { 200: campaignSchema },
        },
      },
      async (request) => services.campaigns.update(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/campaign/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a campaign; its content stays, unlinked (owner, admin)',
          params: campaignParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.campaigns.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
