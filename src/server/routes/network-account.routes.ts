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
/**
 * Members only, so never in a shared cache; the address carries the ETag (`avatar_src`), so a browser may
 * keep it a day and a new picture is a new address.
 */
const AVATAR_CACHE = 'private, max-age=86400';

/** Connected network accounts (owners and admins): connect, reconnect, disconnect, read back now. */
export function networkAccountRoutes(
  services: Pick<Services, 'networkAccounts' | 'networkSync' | 'networkAvatars'>,
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

    app.get(
      '/network-accounts/:id/avatar',
      {
        schema: {
          tags,
          security,
          summary:
            'The account’s avatar as a 96-pixel WebP (any member of its workspace); 404 when it has none',
          params: networkAccountParamsSchema,
          response: { 200: z.unknown(), 304: z.null() },
        },
      },
      async (request, reply) => {
        const avatar = await services.networkAvatars.open(principalOf(request), request.params.id);
        const etag = `"${avatar.etag}"`;
        reply
          .header('etag', etag)
          .header('cache-control', AVATAR_CACHE)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox");
        const known = request.headers['if-none-match'];
        if (known?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
          return reply.code(304).send(null);
        }
        return reply.code(200).header('content-type', 'image/webp').send(avatar.image);
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
