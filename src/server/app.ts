import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { closeServices, createServices, type Services } from './composition-root.js';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import { createDependencyGauge } from './observability/dependency-metrics.js';
import { loggerOptions } from './observability/logger.js';
import { type AppMetrics, createMetrics } from './observability/metrics.js';
import { metricsAccess } from './observability/metrics-access.js';
import { REQUEST_ID_HEADER, requestIdFor } from './observability/request-id.js';
import { LeanRequestLogController } from './observability/request-log.js';
import { docsPlugin } from './plugins/docs.plugin.js';
import { drainOnClose } from './plugins/drain-on-close.js';
import { errorHandlerPlugin, replyWithProblem } from './plugins/error-handler.plugin.js';
import { hostAllowListPlugin } from './plugins/host-allow-list.plugin.js';
import { idempotencyPlugin } from './plugins/idempotency.plugin.js';
import { metricsPlugin } from './plugins/metrics.plugin.js';
import { namedPlugin } from './plugins/named-plugin.js';
import { notFoundPlugin } from './plugins/not-found.plugin.js';
import { nulGuardPlugin } from './plugins/nul-guard.plugin.js';
import { rateLimitPlugin } from './plugins/rate-limit.plugin.js';
import { createResponseSerializerCompiler } from './plugins/response-serializer.js';
import { securityPlugin } from './plugins/security.plugin.js';
import { spaFallback, staticPlugin } from './plugins/static.plugin.js';
import { websocketPlugin } from './plugins/websocket.plugin.js';
import { registerApiRoutes } from './routes/index.js';
import { opsRoutes } from './routes/ops.routes.js';
import { telemetryRoutes } from './routes/telemetry.routes.js';
import { type WsRouteOptions, wsRoutes } from './routes/ws.routes.js';

/** Everything the app needs from outside; `main.ts` and tests build these. */
export interface AppDeps {
  config: Config;
  database: Database;
  /** Resolved signing secret (see `resolveSecret`). */
  secret: string;
  /** A pino instance (tests write to a stream), `false` for silence, or omitted for the config's logger. */
  logger?: FastifyServerOptions['loggerInstance'] | boolean;
  /** Prebuilt services (the server seeds demo data with them first); built from the deps when omitted. */
  services?: Services;
  /** The metrics registry the services were built with; a fresh one when omitted. */
  metrics?: AppMetrics;
  /** Live-update timings (tests shorten the heartbeat and the authentication deadline). */
  realtime?: Omit<WsRouteOptions, 'registry'>;
}

function loggerSetting(logger: AppDeps['logger'], config: Config): Partial<FastifyServerOptions> {
  if (logger === false) return { logger: false };
  if (logger === true || logger === undefined) return { logger: loggerOptions(config) };
  return { loggerInstance: logger };
}

/**
 * Build the HTTP app — plugins, services and routes — without listening; tests drive it with `inject()`.
 *
 * @example
 * const app = await buildApp({ config, database, secret, logger: false });
 * const response = await app.inject({ method: 'GET', url: '/healthz' });
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, secret } = deps;
  const app = Fastify({
    ...loggerSetting(deps.logger, config),
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: config.server.bodyLimitBytes,
    trustProxy: config.server.trustProxy,
    requestIdHeader: false,
    genReqId: requestIdFor,
    logController: new LeanRequestLogController(),
    // Shutdown (drain-on-close.ts): idle kept-alive connections are closed, the rest after their answer.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
    // Malformed URLs fail before any hook runs; they still get a problem and a request id.
    frameworkErrors: (error, request, reply) => replyWithProblem(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // The test suite checks the compiled response serializer against zod on every answer.
  app.setSerializerCompiler(createResponseSerializerCompiler({ crossCheck: config.env === 'test' }));
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  drainOnClose(app);

  // Order matters: hooks that act on routes (metrics, rate limits, docs) must exist before routes.
  await app.register(errorHandlerPlugin);
  const metrics = deps.metrics ?? createMetrics();
  await app.register(metricsPlugin, { metrics });
  await app.register(securityPlugin, { config });
  await app.register(hostAllowListPlugin, { allowedHosts: config.server.allowedHosts });
  if (config.server.compression) {
    // Responses only (a compressed request body could inflate far past BODY_LIMIT_BYTES); below 1 KiB
    // and Server-Sent Events stay as they are.
    await app.register(compress, { global: true, globalDecompression: false, threshold: 1024 });
  }
  await app.register(rateLimitPlugin, { config });
  await app.register(nulGuardPlugin);
  await app.register(docsPlugin, { publicUrl: config.server.publicUrl });
  await app.register(websocketPlugin);

  const services =
    deps.services ?? createServices({ database, config, secret, metricsRegistry: metrics.registry });
  // With BullMQ the app depends on Redis: readiness reports it.
  const redis = services.jobQueue.kind === 'bullmq' ? services.jobQueue : undefined;
  await app.register(namedPlugin('ops-routes', opsRoutes), {
    database,
    redis,
    metricsAccess: metricsAccess(config, 'app'),
  });
  // Before the routes: it takes over each creating POST as it is added.
  await app.register(idempotencyPlugin, { idempotency: services.idempotency });
  createDependencyGauge(metrics.registry, { database, ...(redis && { redis }) });
  // The app owns the services' outside connections (the event bus) and threads; the database is the caller's.
  app.addHook('onClose', () => closeServices(services));
  await app.register(
    namedPlugin('api', async (api: FastifyInstance) => {
      await registerApiRoutes(api, services, config);
      await api.register(namedPlugin('telemetry-routes', telemetryRoutes), { config });
      await api.register(
        namedPlugin('ws-routes', wsRoutes(services, { ...deps.realtime, registry: metrics.registry })),
      );
    }),
    { prefix: '/api' },
  );

  await app.register(staticPlugin, { distDir: config.web.distDir });
  await app.register(notFoundPlugin, {
    htmlFallback: spaFallback(config.web.distDir),
    preHandler: app.rateLimit(),
  });
  return app;
}
