import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { networkAccountSchema } from '#shared/network.schema.js';
import {
  oauthCallbackQuerySchema,
  oauthNetworkListQuerySchema,
  oauthNetworkListSchema,
  oauthNetworkParamsSchema,
  oauthNetworkSchema,
  oauthPickBodySchema,
  oauthPickParamsSchema,
  oauthPickSchema,
  oauthStartSchema,
  saveOAuthAppBodySchema,
  startOAuthBodySchema,
} from '#shared/oauth.schema.js';
import type { Services } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['publishing'];
const security = [{ bearer: [] }];

/**
 * The cookie that ties a connect flow to the browser that started it. SameSite=Lax: the network's
 * redirect back is a top-level navigation from its site, which a Strict cookie would not ride on.
 */
export const OAUTH_COOKIE = 'mcc_oauth';
const COOKIE_PATH = '/api/oauth';
const COOKIE_MAX_AGE_SECONDS = 24 * 3600;

/** Networks connected through OAuth 2 (owners and admins): their apps, starting a flow, picking the account. */
export function oauthRoutes(
  services: Pick<Services, 'oauthApps' | 'oauthConnect'>,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/oauth/networks',
      {
        schema: {
          tags,
          security,
          summary:
            'Networks connected through OAuth: scopes, the redirect URL to register, whose app connects',
          querystring: oauthNetworkListQuerySchema,
          response: { 200: oauthNetworkListSchema },
        },
      },
      async (request) => ({
        items: await services.oauthApps.list(principalOf(request), request.query.business_id),
      }),
    );

    app.put(
      '/oauth/:network/app',
      {
        schema: {
          tags,
          security,
          summary: 'Set the workspace’s own OAuth app on a network (the client secret is never returned)',
          params: oauthNetworkParamsSchema,
          body: saveOAuthAppBodySchema,
          response: { 200: oauthNetworkSchema },
        },
      },
      async (request) => services.oauthApps.save(principalOf(request), request.params.network, request.body),
    );

    app.delete(
      '/oauth/:network/app',
      {
        schema: {
          tags,
          security,
          summary: 'Forget the workspace’s own OAuth app on a network',
          params: oauthNetworkParamsSchema,
          querystring: oauthNetworkListQuerySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.oauthApps.clear(
          principalOf(request),
          request.params.network,
          request.query.business_id,
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/oauth/:network/start',
      {
        schema: {
          tags,
          security,
          summary: 'Start connecting an account: the network’s consent page to send the person to',
          description:
            'Signed-in people only (not API keys). Sets an httpOnly cookie that the network’s redirect back must carry: the flow finishes only in the browser that started it.',
          params: oauthNetworkParamsSchema,
          body: startOAuthBodySchema,
          response: { 200: oauthStartSchema },
        },
      },
      async (request, reply) => {
        const { binder, ...started } = await services.oauthConnect.start(
          principalOf(request),
          request.params.network,
          request.body,
          request.cookies[OAUTH_COOKIE],
        );
        reply.setCookie(OAUTH_COOKIE, binder, {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.auth.secureCookies,
          path: COOKIE_PATH,
          maxAge: COOKIE_MAX_AGE_SECONDS,
        });
        return started;
      },
    );

    app.get(
      '/oauth-picks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'The accounts a login can publish as, for the person who connected it to pick one',
          params: oauthPickParamsSchema,
          response: { 200: oauthPickSchema },
        },
      },
      async (request) => services.oauthConnect.pick(principalOf(request), request.params.id),
    );

    app.post(
      '/oauth-picks/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Connect the account picked',
          params: oauthPickParamsSchema,
          body: oauthPickBodySchema,
          response: { 201: networkAccountSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await services.oauthConnect.completePick(principalOf(request), request.params.id, request.body),
          ),
    );
  };
}

/**
 * The redirect URL networks send the person back to (no Bearer token: a browser navigation). It answers
 * with a redirect to the workspace's channels page saying how it went, or a short page when no flow of
 * this browser matches.
 */
export function oauthCallbackRoutes(services: Pick<Services, 'oauthConnect'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/oauth/:network/callback',
      {
        schema: {
          tags,
          summary: 'Where the network sends the person back after its consent page (register this URL)',
          description:
            'Answers 303 to Settings → Channels with `oauth=connected|pick|failed`; without a matching flow of this browser, a short HTML page (400 or 403).',
          params: oauthNetworkParamsSchema,
          querystring: oauthCallbackQuerySchema,
          response: { 303: z.null() },
        },
      },
      async (request, reply) => {
        const outcome = await services.oauthConnect.callback(
          request.params.network,
          request.query,
          request.cookies[OAUTH_COOKIE],
        );
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        if (outcome.kind === 'redirect')
          return reply.code(303).header('location', outcome.location).send(null);
        return sendPage(reply, outcome.status, outcome.message);
      },
    );
  };
}

function sendPage(reply: FastifyReply, status: number, message: string) {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connecting an account</title></head><body><main><h1>The account was not connected</h1><p>${text}</p><p><a href="/">Back to Marketing Command Center</a></p></main></body></html>`,
    );
}
