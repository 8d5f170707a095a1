import { pino } from 'pino';
import { closeServices, createServices, jobHandlerDeps } from '#server/composition-root.js';
import type { Config } from '#server/config/config.js';
import { resolveSecret } from '#server/config/secret.js';
import { openDatabase } from '#server/db/database.js';
import { migrateToLatest, pendingMigrations } from '#server/db/migrate.js';
import { startJobRuntime } from '#server/jobs/job-runtime.js';
import { installGracefulShutdown } from '#server/lifecycle.js';
import { createDependencyGauge } from '#server/observability/dependency-metrics.js';
import { loggerOptions } from '#server/observability/logger.js';
import { createMetrics } from '#server/observability/metrics.js';
import { metricsAccess } from '#server/observability/metrics-access.js';
import { startMetricsServer } from '#server/observability/metrics-server.js';

/**
 * `mcc worker`: run background jobs only — no HTTP — until SIGTERM/SIGINT, which drains the running
 * jobs (up to SHUTDOWN_TIMEOUT_MS) and hands back any still unfinished. Run as many as the load needs;
 * with REDIS_URL they share the BullMQ queue, otherwise the jobs table of the database.
 */
export async function workerCommand(config: Config): Promise<void> {
  const logger = pino(loggerOptions(config));
  const database = openDatabase(config.database);
  try {
    if (config.database.autoMigrate) await migrateToLatest(database.db);
    const pending = await pendingMigrations(database.db);
    if (pending.length > 0)
      throw new Error(`The database needs migrations (${pending.join(', ')}): run \`mcc migrate\``);
    const metrics = createMetrics();
    const services = createServices({
      database,
      config,
      secret: resolveSecret(config),
      metricsRegistry: metrics.registry,
      mailLog: (line) => logger.info(line),
    });
    const redis = services.jobQueue.kind === 'bullmq' ? services.jobQueue : undefined;
    createDependencyGauge(metrics.registry, { database, ...(redis && { redis }) });
    const jobs = await startJobRuntime({
      queue: services.jobQueue,
      handlerDeps: jobHandlerDeps(services),
      events: services.events,
      outbox: services.webhookOutbox,
      runWorker: true,
      concurrency: config.jobs.concurrency,
      logger,
    });
    // No web app here: Prometheus and health checks reach the worker on METRICS_PORT.
    const metricsServer =
      config.metrics.port === undefined
        ? undefined
        : await startMetricsServer({
            registry: metrics.registry,
            host: config.metrics.host,
            port: config.metrics.port,
            access: metricsAccess(config, 'metrics-port'),
          });
    installGracefulShutdown({
      // No HTTP server here: closing the "app" closes the metrics endpoint and the live-event connection,
      // alongside the drain.
      app: {
        close: () => Promise.all([metricsServer?.close(), closeServices(services)]),
      },
      database,
      jobs,
      timeoutMs: config.server.shutdownTimeoutMs,
      logger,
    });
    logger.info({ queue: services.jobQueue.kind, concurrency: config.jobs.concurrency }, 'worker started');
    process.stdout.write(
      `  mcc worker is running jobs (${services.jobQueue.kind} queue, concurrency ${config.jobs.concurrency})${
        metricsServer ? `; /metrics and /healthz on port ${metricsServer.port}` : ''
      }\n`,
    );
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
