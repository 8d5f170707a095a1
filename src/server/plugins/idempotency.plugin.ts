import type {
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  onResponseHookHandler,
  onSendHookHandler,
  preHandlerHookHandler,
  RouteOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_TTL_HOURS,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKeySchema,
} from '#shared/idempotency.schema.js';
import type {
  IdempotencyClaim,
  IdempotencyService,
  IdempotentAnswer,
} from '../services/access/idempotency.service.js';
import { principalOf } from './auth.plugin.js';
import { requestFingerprint } from './request-fingerprint.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Whether the route takes `Idempotency-Key`. Unset, the rule decides: a POST behind the Bearer
     * credential that declares a 201 or 202 answer creates something, and takes it.
     */
    idempotency?: boolean;
  }
  interface FastifyRequest {
    /** The request's claim on its `Idempotency-Key` while it runs; null without one. */
    idempotencyClaim: { claim: IdempotencyClaim; settled: boolean } | null;
  }
}

/** Headers of a kept answer that describe it (the rest are the server's, set afresh on every answer). */
const REPLAYED_HEADERS = ['content-type', 'location', 'content-disposition', 'cache-control'] as const;

const HEADER_DESCRIPTION =
  `Makes a retry safe: the same key with the same request within ${IDEMPOTENCY_KEY_TTL_HOURS} hours answers ` +
  `with the first answer (marked \`Idempotent-Replayed: true\`) instead of creating again; the same key with ` +
  'another request is a 409 `idempotency_key_reused`, and while the first is still running a 409 ' +
  '`idempotency_key_in_progress` with `Retry-After`. Keys are scoped to the credential and the workspace. ' +
  'A UUID v4 per logical request is a good key.';

const keyHeaderSchema = z.looseObject({
  [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema.optional().describe(HEADER_DESCRIPTION),
});

function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

/** The central rule for which routes create something (see `FastifyContextConfig.idempotency`). */
export function takesIdempotencyKey(route: Pick<RouteOptions, 'method' | 'schema' | 'config'>): boolean {
  const config = route.config as { idempotency?: boolean } | undefined;
  if (config?.idempotency !== undefined) return config.idempotency;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (!methods.includes('POST')) return false;
  const schema = route.schema as { security?: unknown; response?: Record<string, unknown> } | undefined;
  const bearer =
    Array.isArray(schema?.security) &&
    schema.security.some((entry) => typeof entry === 'object' && entry !== null && 'bearer' in entry);
  const statuses = Object.keys(schema?.response ?? {});
  return bearer && (statuses.includes('201') || statuses.includes('202'));
}

/** The workspace a request names: `/business/:id/…`, or `business_id` in its body or query. */
function workspaceNamedBy(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, unknown> | undefined;
  if (request.routeOptions.url?.startsWith('/api/business/:id/') && typeof params?.id === 'string') {
    return params.id;
  }
  for (const part of [request.body, request.query]) {
    if (typeof part === 'object' && part !== null) {
      const named = (part as Record<string, unknown>).business_id;
      if (typeof named === 'string') return named;
    }
  }
  return undefined;
}

/**
 * A streamed body (a multipart upload) is not in `request.body` when the key is claimed: its type and
 * length stand for it.
 */
function bodyOf(request: FastifyRequest): unknown {
  if (request.body !== undefined) return request.body;
  const type = request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase() ?? null;
  return { streamed: { type, length: request.headers['content-length'] ?? null } };
}

function answerOf(reply: FastifyReply, payload: unknown): IdempotentAnswer | undefined {
  if (typeof payload !== 'string') return undefined;
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  const retryAfter = reply.getHeader('retry-after');
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return { status: reply.statusCode, headers, body: payload };
}

function idempotencyHooks(idempotency: IdempotencyService) {
  const claimKey: preHandlerHookHandler = async function claimKey(request, reply) {
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (typeof key !== 'string') return;
    const started = await idempotency.start({
      principal: principalOf(request),
      businessId: workspaceNamedBy(request),
      key,
      fingerprint: requestFingerprint({
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        params: request.params,
        query: request.query,
        body: bodyOf(request),
      }),
    });
    if (started.kind === 'run') request.idempotencyClaim = { claim: started.claim, settled: false };
    if (started.kind !== 'replay') return;
    const { status, headers, body } = started.answer;
    const { 'retry-after': _ignored, ...replayed } = headers;
    return reply.code(status).headers(replayed).header(IDEMPOTENT_REPLAYED_HEADER, 'true').send(body);
  };

  // Runs before compression and every other onSend hook, so it sees the body as the handler produced it.
  const keepAnswer: onSendHookHandler = async function keepAnswer(request, reply, payload) {
    const held = request.idempotencyClaim;
    if (!held || held.settled) return payload;
    held.settled = true;
    try {
      await idempotency.finish(held.claim, answerOf(reply, payload));
    } catch (error) {
      // The answer still goes out; a retry then gets "in progress" until the lease ends, never a second run
      // of a committed change.
      request.log.error({ err: error }, 'idempotency: the answer could not be kept');
    }
    return payload;
  };

  // An answer that never passed through onSend (the connection closed first) lets go of the key.
  const settleUnsent: onResponseHookHandler = async function settleUnsent(request) {
    const held = request.idempotencyClaim;
    if (!held || held.settled) return;
    held.settled = true;
    await idempotency.finish(held.claim, undefined).catch((error: unknown) => {
      request.log.error({ err: error }, 'idempotency: the key could not be released');
    });
  };

  return { claimKey, keepAnswer, settleUnsent };
}

const idempotencyPluginImpl: FastifyPluginAsync<{ idempotency: IdempotencyService }> = async (
  app,
  { idempotency },
) => {
  app.decorateRequest('idempotencyClaim', null);
  const { claimKey, keepAnswer, settleUnsent } = idempotencyHooks(idempotency);
  app.addHook('onRoute', (route) => {
    if (!takesIdempotencyKey(route)) return;
    const schema = (route.schema ?? {}) as { headers?: unknown };
    if (schema.headers !== undefined) {
      throw new Error(`${route.url}: merge Idempotency-Key into the route's own headers schema`);
    }
    // The header in the route's schema: validated (a clear 400) and described in the OpenAPI document.
    route.schema = { ...route.schema, headers: keyHeaderSchema };
    // After the route's own preHandlers (authentication is long done: it is an onRequest hook).
    route.preHandler = [...hooksOf(route.preHandler), claimKey];
    route.onSend = [keepAnswer, ...hooksOf(route.onSend)];
    route.onResponse = [...hooksOf(route.onResponse), settleUnsent];
    const handler = route.handler;
    route.handler = function idempotentHandler(request, reply) {
      const held = request.idempotencyClaim;
      return held
        ? idempotency.runClaimed(held.claim, () => handler.call(this, request, reply))
        : handler.call(this, request, reply);
    };
  });
};

/**
 * `Idempotency-Key` on every creating POST (docs/api.md, "Idempotency"). Register before the routes: it
 * adds the header to each such route's schema and wraps its hooks and handler as the route is added.
 */
export const idempotencyPlugin = fp(idempotencyPluginImpl, { name: 'mcc-idempotency', fastify: '5.x' });
