import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.js';
import { withPreparedStatements } from './prepared-statements.js';
import type { DB } from './schema.js';
import { type CheckpointerMessage, checkpointInBackground } from './wal-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres';

type WalCheckpointOption = 'background' | { onMessage: (message: CheckpointerMessage) => void };

/** An open database: the Kysely handle plus the few operations the process needs around it. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** An online, consistent copy of a SQLite database (writers keep working). PostgreSQL: use pg_dump. */
  backup(destination: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, as the config says.
 *
 * @example
 * const database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: true });
 */
export function openDatabase(
  config: Config['database'],
  options: {
    poolSize?: number;
    /** SQLite: start an in-memory database from this image (`serialize()`) instead of opening `path`. */
    sqliteImage?: Buffer;
    /**
     * SQLite file: checkpoint the write-ahead log from a worker thread, not inside commits on the event
     * loop (wal-checkpointer.ts). For the long-running server; a CLI command or a test has no need of it.
     */
    walCheckpoints?: WalCheckpointOption;
    /**
     * PostgreSQL: query through this open pool instead of opening one; `close()` then leaves it open for its
     * owner (the test suite keeps one per database it reuses, as opening connections cost more than its tests).
     */
    postgresPool?: pg.Pool;
  } = {},
): Database {
  if (config.kind === 'sqlite') return openSqlite(config.path, options);
  return options.postgresPool
    ? postgresDatabase(options.postgresPool, { ownsPool: false })
    : openPostgres(config.url, options.poolSize ?? 10);
}

function openSqlite(
  file: string,
  { sqliteImage: image, walCheckpoints }: { sqliteImage?: Buffer; walCheckpoints?: WalCheckpointOption },
): Database {
  if (!image && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(image ?? file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const checkpointer =
    walCheckpoints && !image && file !== ':memory:'
      ? checkpointInBackground(sqlite, file, {
          onMessage: walCheckpoints === 'background' ? undefined : walCheckpoints.onMessage,
        })
      : undefined;
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    async ping() {
      await sql`select 1`.execute(db);
    },
    async backup(destination) {
      mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
      await sqlite.backup(destination);
    },
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** How many distinct SQL texts keep a prepared statement; queries are few and parameterised. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver calls `prepare` for every query, and compiling the SQL was the largest single
 * cost of a small authenticated read (see docs/benchmarks.md). Reuse one prepared statement per SQL text
 * instead; SQLite re-prepares it by itself after a schema change. A statement still held by an open
 * iterator (`busy`, from `.stream()`) is not shared: that query gets a fresh one.
 */
function withStatementCache(sqlite: SQLite.Database, maxSize = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const cached = statements.get(text);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(text);
      if (!cached) {
        // Oldest first: Map keeps insertion order.
        if (statements.size >= maxSize) statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

// PostgreSQL returns int8/numeric as strings by default; counts are small, so parse them as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return postgresDatabase(pool, { ownsPool: true });
}

function postgresDatabase(pool: pg.Pool, { ownsPool }: { ownsPool: boolean }): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
  return {
    db,
    dialect: 'postgres',
    async ping() {
      await sql`select 1`.execute(db);
    },
    async backup() {
      throw new Error(
        'Online backup is for SQLite; back up PostgreSQL with pg_dump (see docs/operations.md)',
      );
    },
    async close() {
      // Kysely ends the pool it was given when destroyed.
      if (ownsPool) await db.destroy();
    },
  };
}
