import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { type AppMetrics, createMetrics } from '../observability/metrics.js';
import { routeLabel } from '../observability/request-log.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's Prometheus metrics; features add theirs to `metrics.registry`. */
    metrics: AppMetrics;
  }
}

const metricsPluginImpl: FastifyPluginAsync<{ metrics?: AppMetrics }> = async (app, options) => {
  const metrics = options.metrics ?? createMetrics();
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequestDuration.observe(
      { route: routeLabel(request), method: request.method, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
};

/** Decorates the app with its metrics and times every request by route template. */
export const metricsPlugin = fp(metricsPluginImpl, { name: 'mcc-metrics', fastify: '5.x' });
