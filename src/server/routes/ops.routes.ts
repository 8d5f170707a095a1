import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.js';

export interface OpsRoutesOptions {
  database: Database;
  /** How long the readiness check waits for the database. */
  readyTimeoutMs?: number;
}

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({ status: z.literal('ready'), checks: z.object({ database: z.literal('ok') }) });
const unavailableSchema = z.object({
  status: z.literal('unavailable'),
  checks: z.object({ database: z.string() }),
});

// Probes and scrapes come from orchestrators every few seconds; they must never be rate limited.
const OPS_ROUTE = { config: { rateLimit: false as const } };

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

async function pingWithin(database: Database, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`timeout after ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([database.ping().then(() => 'ok'), timeout]);
  } catch (error) {
    return describeFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz` (alive), `/readyz` (can serve: database answers) and `/metrics` (Prometheus), outside `/api`. */
export async function opsRoutes(app: FastifyInstance, options: OpsRoutesOptions): Promise<void> {
  const { database, readyTimeoutMs = 2_000 } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/healthz',
    { ...OPS_ROUTE, schema: { tags: ['ops'], response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/readyz',
    { ...OPS_ROUTE, schema: { tags: ['ops'], response: { 200: readySchema, 503: unavailableSchema } } },
    async (request, reply) => {
      const databaseCheck = await pingWithin(database, readyTimeoutMs);
      if (databaseCheck === 'ok') return { status: 'ready' as const, checks: { database: 'ok' as const } };
      request.log.warn({ database: databaseCheck }, 'not ready');
      return reply.code(503).send({ status: 'unavailable' as const, checks: { database: databaseCheck } });
    },
  );

  routes.get('/metrics', { ...OPS_ROUTE, schema: { hide: true } }, async (_request, reply) => {
    const { registry } = app.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
