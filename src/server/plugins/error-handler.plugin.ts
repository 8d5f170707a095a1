import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { REQUEST_ID_HEADER } from '../observability/request-id.js';
import { buildProblem, PROBLEM_CONTENT_TYPE, resolveProblem } from './problem-details.js';

/**
 * Answer any error with an RFC 9457 problem. Unexpected errors are logged with the request id and reach
 * the client only as `internal_error`: no message, no stack.
 *
 * Also used as Fastify's `frameworkErrors` handler (bad URLs), which runs before any hook.
 */
export function replyWithProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const resolved = resolveProblem(error);
  if (resolved.internal) request.log.error({ err: error }, 'unhandled error');
  else if (resolved.diagnostics)
    request.log.warn({ code: resolved.code, diagnostics: resolved.diagnostics }, 'failed');
  if (resolved.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(resolved.retryAfterSeconds));
  // The body is sent pre-serialised so no route's response schema can reshape (or fail on) an error.
  return reply
    .code(resolved.status)
    .header(REQUEST_ID_HEADER, request.id)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(buildProblem(resolved, request)));
}

const errorHandlerPluginImpl: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((error, request, reply) => replyWithProblem(error, request, reply));
};

/** Sets the app-wide error handler: every error becomes `application/problem+json`. */
export const errorHandlerPlugin = fp(errorHandlerPluginImpl, { name: 'mcc-error-handler', fastify: '5.x' });
