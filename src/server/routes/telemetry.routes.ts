import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type TelemetryEvent, telemetryBodySchema } from '#shared/telemetry.schema.js';
import type { Config } from '../config/config.js';
import type { AppMetrics } from '../observability/metrics.js';
import { perIpRateLimit } from '../plugins/rate-limit.plugin.js';

export interface TelemetryRoutesOptions {
  config: Config;
  /** Source of randomness for sampling; tests pass a fixed one. */
  random?: () => number;
}

// A page sends a handful of batches per visit; more than one a second from one address is abuse.
const TELEMETRY_LIMIT_PER_MINUTE = 60;

const acceptedSchema = z.object({ accepted: z.number().int().min(0) });

/** Count one browser event in the metrics and the log. */
function recordEvent(event: TelemetryEvent, metrics: AppMetrics, log: FastifyBaseLogger): void {
  if (event.type === 'web-vital') {
    metrics.telemetryEvents.inc({ type: event.type, name: event.name });
    metrics.webVitalValue.observe({ name: event.name }, event.value);
    log.debug({ vital: event.name, value: event.value, rating: event.rating, page: event.page }, 'web vital');
    return;
  }
  metrics.telemetryEvents.inc({ type: event.type, name: 'client_error' });
  log.warn(
    { client_error: { message: event.message, page: event.page, stack: event.stack } },
    'browser error',
  );
}

/**
 * `POST /telemetry` (under `/api`): web vitals and uncaught browser errors, sampled per batch by
 * `TELEMETRY_SAMPLE_RATE`. No authentication: errors on the sign-in page matter too.
 */
export async function telemetryRoutes(app: FastifyInstance, options: TelemetryRoutesOptions): Promise<void> {
  const { config, random = Math.random } = options;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/telemetry',
    {
      config: { rateLimit: perIpRateLimit(TELEMETRY_LIMIT_PER_MINUTE, 60) },
      schema: {
        tags: ['telemetry'],
        summary: 'Report web vitals and browser errors',
        body: telemetryBodySchema,
        response: { 202: acceptedSchema },
      },
    },
    async (request, reply) => {
      const sampled = random() < config.telemetry.sampleRate;
      const events = sampled ? request.body.events : [];
      for (const event of events) recordEvent(event, app.metrics, request.log);
      return reply.code(202).send({ accepted: events.length });
    },
  );
}
