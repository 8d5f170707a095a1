import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './db/database.js';

/** Where shutdown signals come from; `process` in production, an `EventEmitter` in tests. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface GracefulShutdownOptions {
  /** What serves requests (the Fastify app); `mcc worker` has none and passes a no-op. */
  app: { close(): Promise<unknown> };
  database: Pick<Database, 'close'>;
  /** Background jobs: drained alongside the HTTP server, before the database closes. */
  jobs?: { stop(timeoutMs: number): Promise<void> };
  /** After this long the process exits 1 even if requests are still running. */
  timeoutMs: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>;
  signals?: SignalSource;
  exit?: (code: number) => void;
}

const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * On SIGTERM or SIGINT: stop accepting connections and wait for in-flight requests (`app.close()`) while
 * the job worker drains (running jobs get most of the timeout, then go back to the queue), close the
 * database, exit 0. A shutdown that overruns `timeoutMs` is logged and exits 1. The listeners are
 * removed on the first signal, so a second one gets Node's default (immediate exit): Ctrl-C twice forces
 * it. Returns a function that uninstalls the listeners.
 *
 * @example
 * installGracefulShutdown({ app, database, timeoutMs: config.server.shutdownTimeoutMs, logger: app.log });
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): () => void {
  const {
    app,
    database,
    jobs,
    timeoutMs,
    logger,
    signals = process,
    exit = (code) => process.exit(code),
  } = options;
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    uninstall();
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting');
      exit(1);
    }, timeoutMs);
    timer.unref();
    // Jobs get most of the budget, so handing unfinished ones back still fits before the hard exit.
    void closeEverything(app, database, jobs && (() => jobs.stop(Math.floor(timeoutMs * 0.8)))).then(
      () => {
        clearTimeout(timer);
        logger.info('shutdown complete');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };

  function uninstall(): void {
    for (const signal of SHUTDOWN_SIGNALS) signals.removeListener(signal, onSignal);
  }

  for (const signal of SHUTDOWN_SIGNALS) signals.once(signal, onSignal);
  return uninstall;
}

/**
 * Close the app (in-flight requests, its connections and threads) and stop the jobs, then close the
 * database: on shutdown, and when start-up fails half-way, so nothing keeps using a closed database.
 */
export async function closeEverything(
  app: GracefulShutdownOptions['app'],
  database: Pick<Database, 'close'>,
  stopJobs?: () => Promise<void>,
): Promise<void> {
  try {
    // Both must finish before the database goes, even if one of them fails.
    const results = await Promise.allSettled([app.close(), stopJobs?.()]);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    await database.close();
  }
}
