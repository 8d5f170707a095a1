import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  connectNetworkAccountBodySchema,
  networkAccountListQuerySchema,
  networkAccountListSchema,
  networkAccountParamsSchema,
  networkAccountSchema,
  networkSyncResultSchema,
  reconnectNetworkAccountBodySchema,
} from '#shared/network.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['publishing'];
const security = [{ bearer: [] }];

/** Connected network accounts (owners and admins): connect, reconnect, disconnect, read back now. */
export function networkAccountRoutes(
  services: Pick<Services, 'networkAccounts' | 'networkSync'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/network-accounts',
      {
        schema: {
          tags,
          security,
          summary: 'Network accounts of a workspace, with their token health (never the tokens)',
          querystring: networkAccountListQuerySchema,
          response: { 200: networkAccountListSchema },
        },
      },
      async (request) => ({
        items: await services.networkAccounts.list(principalOf(request), request.query.business_id),
      }),
    );

    app.post(
      '/network-accounts',
      {
        schema: {
          tags,
          security,
          summary: 'Connect an account with credentials the network accepts (Mastodon: instance and token)',
          body: connectNetworkAccountBodySchema,
          response: { 201: networkAccountSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.networkAccounts.connect(principalOf(request), request.body)),
    );

    app.put(
      '/network-accounts/:id/credentials',
      {
        schema: {
          tags,
          security,
          summary: 'Reconnect an account with new credentials for the same remote account',
          params: networkAccountParamsSchema,
          body: reconnectNetworkAccountBodySchema,
          response: { 200: networkAccountSchema },
        },
      },
      async (request) =>
        services.networkAccounts.reconnect(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/network-accounts/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Disconnect an account and forget its tokens (its posts stay on the network)',
          params: networkAccountParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.networkAccounts.disconnect(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/network-accounts/:id/sync',
      {
        schema: {
          tags,
          security,
          summary: 'Read the published posts’ results and new mentions from the network now',
          params: networkAccountParamsSchema,
          response: { 200: networkSyncResultSchema },
        },
      },
      async (request) => services.networkSync.sync(principalOf(request), request.params.id),
    );
  };
}
