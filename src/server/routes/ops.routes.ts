import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { judgeMetricsRequest, type MetricsAccess } from '../observability/metrics-access.js';

export interface OpsRoutesOptions {
  database: Database;
  /** Redis, when the app uses it (REDIS_URL): readiness waits for it too. */
  redis?: { ping(): Promise<void> };
  /** How long the readiness check waits for the database (and Redis). */
  readyTimeoutMs?: number;
  /** Who may read /metrics here (metrics-access.ts); open when omitted. */
  metricsAccess?: MetricsAccess;
}

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({
  status: z.literal('ready'),
  checks: z.object({ database: z.literal('ok'), redis: z.literal('ok').optional() }),
});
const unavailableSchema = z.object({
  status: z.literal('unavailable'),
  checks: z.object({ database: z.string(), redis: z.string().optional() }),
});

// Probes and scrapes come from orchestrators every few seconds, addressed to a pod or container IP:
// they must never be rate limited nor refused for their Host.
const OPS_ROUTE = { config: { rateLimit: false as const, anyHost: true } };

/**
 * Why the database did not answer, safe to show: a driver error code, or its message without anything
 * that looks like a connection string.
 */
export function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]').slice(0, 120) || 'unreachable';
}

async function pingWithin(target: { ping(): Promise<void> }, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`timeout after ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([target.ping().then(() => 'ok'), timeout]);
  } catch (error) {
    return describeFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` (alive), `/readyz` (can serve: the database, and Redis when used, answer) and `/metrics`
 * (Prometheus, behind the metrics token or hidden as `metricsAccess` says), outside `/api`.
 */
export async function opsRoutes(app: FastifyInstance, options: OpsRoutesOptions): Promise<void> {
  const { database, redis, readyTimeoutMs = 2_000, metricsAccess = { kind: 'open' } } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/healthz',
    {
      ...OPS_ROUTE,
      schema: { tags: ['ops'], summary: 'Liveness: the process answers', response: { 200: healthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    {
      ...OPS_ROUTE,
      schema: {
        tags: ['ops'],
        summary: 'Readiness: the database (and Redis, when used) answer',
        response: { 200: readySchema, 503: unavailableSchema },
      },
    },
    async (request, reply) => {
      const [databaseCheck, redisCheck] = await Promise.all([
        pingWithin(database, readyTimeoutMs),
        redis ? pingWithin(redis, readyTimeoutMs) : undefined,
      ]);
      const checks = { database: databaseCheck, ...(redisCheck !== undefined && { redis: redisCheck }) };
      if (databaseCheck === 'ok' && (redisCheck ?? 'ok') === 'ok') {
        return { status: 'ready' as const, checks: checks as { database: 'ok'; redis?: 'ok' } };
      }
      request.log.warn(checks, 'not ready');
      return reply.code(503).send({ status: 'unavailable' as const, checks });
    },
  );

  routes.get(
    '/metrics',
    {
      ...OPS_ROUTE,
      schema: { hide: true },
      onRequest: async (request, reply) => {
        const verdict = judgeMetricsRequest(metricsAccess, request.headers.authorization);
        // Production without a metrics token: as if there were no such route on the public port.
        if (verdict === 'hidden') throw new AppError('not_found');
        if (verdict === 'unauthenticated') {
          reply.header('www-authenticate', 'Bearer realm="metrics"');
          throw new AppError('unauthenticated', 'Send the metrics token (METRICS_TOKEN) as a Bearer token');
        }
      },
    },
    async (_request, reply) => {
      const { registry } = app.metrics;
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
