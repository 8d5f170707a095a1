import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

/** Answers a browser's page request for a path the server does not know (the SPA decides). */
export type HtmlFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply> | FastifyReply;

export interface NotFoundPluginOptions {
  htmlFallback?: HtmlFallback;
  /** Runs before the handler; the app passes its rate limiter so path scanning is throttled too. */
  preHandler?: preHandlerAsyncHookHandler;
}

// Paths the server owns outright: an unknown one there is a real 404, never the SPA.
const SERVER_PATH = /^\/(api|docs)(\/|$)|^\/(healthz|readyz|metrics)$/;

/** Whether a request is a browser navigation the single-page app should handle. */
export function wantsAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0] ?? '/';
  if (SERVER_PATH.test(path)) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

const notFoundPluginImpl: FastifyPluginAsync<NotFoundPluginOptions> = async (app, options) => {
  const { htmlFallback, preHandler } = options;
  app.setNotFoundHandler(preHandler ? { preHandler } : {}, async (request, reply) => {
    if (htmlFallback && wantsAppPage(request)) return htmlFallback(request, reply);
    throw new AppError('not_found', `No route for ${request.method} ${request.url.split('?', 1)[0]}`);
  });
};

/** Unknown routes: the SPA's index.html for browser navigations, a `not_found` problem otherwise. */
export const notFoundPlugin = fp(notFoundPluginImpl, { name: 'mcc-not-found', fastify: '5.x' });
