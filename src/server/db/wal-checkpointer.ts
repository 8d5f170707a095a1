import type SQLite from 'better-sqlite3';
import { startModuleWorker } from '../module-worker.js';

/** What the checkpoint worker is started with. */
export interface CheckpointerOptions {
  file: string;
  intervalMs: number;
  busyTimeoutMs: number;
}

/** What the checkpoint worker tells the process. */
export type CheckpointerMessage =
  | { kind: 'ready' }
  | { kind: 'checkpointed'; frames: number; copied: number }
  | { kind: 'error'; message: string };

export interface WalCheckpointer {
  /** Resolves once the worker's connection is open; rejects if it could not start. */
  readonly ready: Promise<void>;
  /** Stops the worker; the connection's own checkpoints are not turned back on (it is about to close). */
  stop(): Promise<void>;
}

/** SQLite's own default: a committer checkpoints once the log holds this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Move a file database's WAL checkpoints off the event loop. With `synchronous = NORMAL` a commit never
 * waits for the disk, but the checkpoint SQLite runs inside a commit every 1,000 pages does: it fsyncs the
 * log and the database file, and while uploads or a bulk import keep the disk busy one fsync took 17–50 ms
 * of the event loop (docs/benchmarks.md, "Media"). Here the connection stops checkpointing by itself and a
 * worker thread with its own connection runs a PASSIVE checkpoint every `intervalMs`. Should the worker
 * fail, the connection goes back to checkpointing by itself, so the log never grows without bound.
 *
 * @example
 * const checkpointer = checkpointInBackground(sqlite, 'data/mcc.db');
 * // … on shutdown, before sqlite.close():
 * await checkpointer.stop();
 */
export function checkpointInBackground(
  sqlite: SQLite.Database,
  file: string,
  options: { intervalMs?: number; onMessage?: (message: CheckpointerMessage) => void } = {},
): WalCheckpointer {
  const workerData: CheckpointerOptions = {
    file,
    intervalMs: options.intervalMs ?? 1_000,
    busyTimeoutMs: 5_000,
  };
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = startModuleWorker(new URL('./wal-checkpoint.worker.js', import.meta.url), { workerData });
  // A background helper: it must never be what keeps the process alive.
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const checkpointOnCommit = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: CheckpointerMessage) => {
      if (message.kind === 'ready') resolve();
      options.onMessage?.(message);
    });
    worker.once('error', (error) => {
      checkpointOnCommit();
      options.onMessage?.({ kind: 'error', message: error.message });
      reject(error);
    });
    worker.once('exit', () => {
      if (!stopping) checkpointOnCommit();
      reject(new Error('The WAL checkpoint worker stopped before it was ready'));
    });
  });
  // Nobody need await `ready`; an early failure is already handled above.
  ready.catch(() => {});
  return {
    ready,
    async stop() {
      if (stopping) return;
      stopping = true;
      // Unreferenced, the worker would not keep the process alive long enough to hear it exit.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
