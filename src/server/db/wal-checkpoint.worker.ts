import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { CheckpointerMessage, CheckpointerOptions } from './wal-checkpointer.js';

// Worker-thread entry for the WAL checkpointer (wal-checkpointer.ts): its own connection to the database
// file copies the write-ahead log back into the database on a timer, so the checkpoint's fsync waits here
// and not on the event loop that serves requests.

const { file, intervalMs, busyTimeoutMs } = workerData as CheckpointerOptions;
const port = parentPort;
if (!port) throw new Error('wal-checkpoint.worker.ts runs as a worker thread');

const connection = new SQLite(file, { fileMustExist: true });
connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
// This connection only checkpoints; it must never start one of its own on a commit either.
connection.pragma('wal_autocheckpoint = 0');

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

let last: CheckpointRow = { busy: 0, log: 0, checkpointed: 0 };

function checkpoint(): void {
  try {
    // PASSIVE: copies what no reader still needs, without waiting for readers or blocking writers.
    const [row] = connection.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
    if (!row) return;
    // An idle database answers the same figures every time: tell only of new work.
    const news = row.checkpointed > 0 && (row.log !== last.log || row.checkpointed !== last.checkpointed);
    last = row;
    if (news) post({ kind: 'checkpointed', frames: row.log, copied: row.checkpointed });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

function post(message: CheckpointerMessage): void {
  port?.postMessage(message);
}

const timer = setInterval(checkpoint, intervalMs);
port.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  clearInterval(timer);
  connection.close();
  port.close();
});
post({ kind: 'ready' });
