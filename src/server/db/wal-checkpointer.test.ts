import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CheckpointerMessage,
  checkpointInBackground,
  type WalCheckpointer,
} from './wal-checkpointer.js';

const PAGE = 4096;
/** More pages than SQLite's own checkpoint threshold (1,000), in one commit. */
const ROWS = 1_500;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function walDatabase(): { sqlite: SQLite.Database; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcc-wal-'));
  const file = path.join(dir, 'test.db');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table blobs (id integer primary key, body blob not null)');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    if (sqlite.open) sqlite.close();
  });
  return { sqlite, file };
}

function started(checkpointer: WalCheckpointer): WalCheckpointer {
  cleanups.push(() => checkpointer.stop());
  return checkpointer;
}

function writePages(sqlite: SQLite.Database): void {
  const insert = sqlite.prepare('insert into blobs (body) values (?)');
  sqlite.transaction(() => {
    for (let row = 0; row < ROWS; row++) insert.run(Buffer.alloc(PAGE, row % 251));
  })();
}

describe('checkpointInBackground', () => {
  it('stops the connection from checkpointing inside its own commits', async () => {
    const { sqlite, file } = walDatabase();
    // A worker that will not get round to it during the test: whatever reaches the file, the commit wrote.
    await started(checkpointInBackground(sqlite, file, { intervalMs: 3_600_000 })).ready;

    writePages(sqlite);

    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Still in the log: a checkpoint in the commit would have copied 1,500 pages into the file.
    expect(statSync(file).size).toBeLessThan(100 * PAGE);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(ROWS * PAGE);
  });

  it('copies the log into the database from its worker, and says so', async () => {
    const { sqlite, file } = walDatabase();
    const messages: CheckpointerMessage[] = [];
    let copiedAll: (message: CheckpointerMessage) => void = () => {};
    const copied = new Promise<CheckpointerMessage>((resolve) => {
      copiedAll = resolve;
    });
    const checkpointer = started(
      checkpointInBackground(sqlite, file, {
        intervalMs: 20,
        onMessage: (message) => {
          messages.push(message);
          if (
            message.kind === 'checkpointed' &&
            message.frames >= ROWS &&
            message.copied === message.frames
          ) {
            copiedAll(message);
          }
        },
      }),
    );
    await checkpointer.ready;

    writePages(sqlite);

    await copied;
    expect(statSync(file).size).toBeGreaterThan(ROWS * PAGE);
    expect(messages.filter((message) => message.kind === 'error')).toEqual([]);
    expect(sqlite.prepare('select count(*) as n from blobs').get()).toEqual({ n: ROWS });
  });

  it('gives checkpoints back to the connection when its worker cannot start', async () => {
    const { sqlite } = walDatabase();
    const checkpointer = started(checkpointInBackground(sqlite, path.join(tmpdir(), 'no-such-dir', 'x.db')));

    await expect(checkpointer.ready).rejects.toThrow();

    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('stops: the worker exits and the connection closes cleanly', async () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = checkpointInBackground(sqlite, file, { intervalMs: 20 });
    await checkpointer.ready;
    writePages(sqlite);

    await checkpointer.stop();
    await checkpointer.stop();
    sqlite.close();

    // Closing the last connection checkpoints the log and removes it: nothing was left behind or lost.
    const reopened = new SQLite(file, { readonly: true });
    cleanups.push(() => {
      reopened.close();
    });
    expect(reopened.prepare('select count(*) as n from blobs').get()).toEqual({ n: ROWS });
  });
});
