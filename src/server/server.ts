import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { createServices, jobHandlerDeps } from './composition-root.js';
import { type Config, ConfigError, servingProblems } from './config/config.js';
import { resolveSecret } from './config/secret.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest, pendingMigrations } from './db/migrate.js';
import { type DemoCredentials, seedDemoIfEmpty } from './demo/demo-seed.service.js';
import { type JobRuntime, startJobRuntime } from './jobs/job-runtime.js';
import { closeEverything, installGracefulShutdown } from './lifecycle.js';
import { createMetrics } from './observability/metrics.js';
import { metricsAccess } from './observability/metrics-access.js';
import { type MetricsServer, startMetricsServer } from './observability/metrics-server.js';

/** A listening server and where it listens. */
export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
}

/**
 * Open and migrate the database, seed the demo in development, build the app and listen; SIGTERM/SIGINT
 * shut it down gracefully. Used by `main.ts` and `mcc serve`.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const problems = servingProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const secret = resolveSecret(config);
  let app: FastifyInstance | undefined;
  const database = openDatabase(config.database, {
    walCheckpoints: {
      onMessage: (message) => {
        if (message.kind === 'error') app?.log.warn({ reason: message.message }, 'WAL checkpoint failed');
      },
    },
  });
  let metricsServer: MetricsServer | undefined;
  let jobs: JobRuntime | undefined;
  // The app, and the metrics port when there is one: what serves HTTP, closed together.
  const http = {
    close: () => Promise.all([app?.close(), metricsServer?.close()]),
  };
  try {
    await prepareSchema(database, config.database.autoMigrate);
    const metrics = createMetrics();
    const services = createServices({
      database,
      config,
      secret,
      metricsRegistry: metrics.registry,
      mailLog: (line) => app?.log.info(line),
    });
    await services.auth.purgeExpiredSessions();
    app = await buildApp({ config, database, secret, services, metrics });
    const demo = await seedDemo(config, services, app.log);
    // Fails start-up on a job without exactly one handler; schedules the recurring housekeeping.
    jobs = await startJobRuntime({
      queue: services.jobQueue,
      handlerDeps: jobHandlerDeps(services),
      events: services.events,
      outbox: services.webhookOutbox,
      runWorker: config.jobs.runInWeb,
      concurrency: config.jobs.concurrency,
      logger: app.log,
    });
    await app.listen({ host: config.server.host, port: config.server.port }).catch((error: unknown) => {
      throw listenError(error, config);
    });
    if (config.metrics.port !== undefined) {
      metricsServer = await startMetricsServer({
        registry: metrics.registry,
        host: config.metrics.host,
        port: config.metrics.port,
        access: metricsAccess(config, 'metrics-port'),
      });
    }
    installGracefulShutdown({
      app: http,
      database,
      jobs,
      timeoutMs: config.server.shutdownTimeoutMs,
      logger: app.log,
    });

    const url = config.server.publicUrl ?? `http://localhost:${listeningPort(app)}`;
    app.log.info({ url, database: config.database.kind }, 'Marketing Command Center is ready');
    printBanner(url, config, demo);
    return { app, database, url };
  } catch (error) {
    // Stop whatever had started (the job worker would go on polling a closed database, and keep the
    // process alive), so a failed start exits with its reason.
    const started = jobs;
    await closeEverything(
      http,
      database,
      started && (() => started.stop(config.server.shutdownTimeoutMs)),
    ).catch(() => {});
    throw error;
  }
}

/** The demo is a convenience: a seed that fails is logged, and the server starts without (all of) it. */
async function seedDemo(
  config: Config,
  services: Parameters<typeof seedDemoIfEmpty>[1],
  log: FastifyBaseLogger,
): Promise<DemoCredentials | undefined> {
  try {
    const demo = await seedDemoIfEmpty(config, services);
    if (demo?.failure) log.error({ err: demo.failure }, 'part of the demo could not be seeded');
    return demo;
  } catch (error) {
    log.error({ err: error }, 'the demo could not be seeded; starting without it');
    return undefined;
  }
}

/** A port already taken says so, and what to do, instead of Node's `listen EADDRINUSE`. */
function listenError(error: unknown, config: Config): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return error;
  const { host, port } = config.server;
  return new Error(
    `Port ${port} on ${host} is already in use (another mcc serve?): stop it, or start with PORT set to a free port`,
  );
}

async function prepareSchema(database: Database, autoMigrate: boolean): Promise<void> {
  if (autoMigrate) {
    await migrateToLatest(database.db);
    return;
  }
  const pending = await pendingMigrations(database.db);
  if (pending.length > 0) {
    throw new Error(
      `The database needs migrations (${pending.join(', ')}): run \`mcc migrate\` or set MCC_AUTO_MIGRATE=1`,
    );
  }
}

function listeningPort(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** The human part of start-up: where to open the app and, on a first run, how to sign in. */
function printBanner(url: string, config: Config, demo: DemoCredentials | undefined): void {
  const lines = [
    '',
    `  Marketing Command Center is running: ${url}`,
    `  API docs: ${url}/docs   Database: ${config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL'}`,
  ];
  if (demo) {
    lines.push(
      '',
      `  A demo account was created for you (${demo.businessName}):`,
      `    email:    ${demo.email}`,
      `    password: ${demo.password}`,
      '  It is shown only now. Set MCC_DEMO=0 to start with an empty database.',
    );
    if (demo.failure) lines.push('  Part of the demo could not be created: see the error logged above.');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
