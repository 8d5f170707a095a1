import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Database } from './db/database.js';

/** Where shutdown signals come from; `process` in production, an `EventEmitter` in tests. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface GracefulShutdownOptions {
  app: Pick<FastifyInstance, 'close'>;
  database: Pick<Database, 'close'>;
  /** After this long the process exits 1 even if requests are still running. */
  timeoutMs: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>;
  signals?: SignalSource;
  exit?: (code: number) => void;
}

const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * On SIGTERM or SIGINT: stop accepting connections and wait for in-flight requests (`app.close()`), close
 * the database, exit 0. A shutdown that overruns `timeoutMs` is logged and exits 1. The listeners are
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
    void closeEverything(app, database).then(
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

async function closeEverything(app: Pick<FastifyInstance, 'close'>, database: Pick<Database, 'close'>) {
  try {
    await app.close();
  } finally {
    await database.close();
  }
}
