import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type Database, openDatabase } from '#server/db/database.js';
import { migrateToLatest } from '#server/db/migrate.js';

/** Where the test suite finds PostgreSQL; each run creates (and drops) its own database there. */
const POSTGRES_ADMIN_URL = process.env.MCC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUIRE_SERVICES = process.env.MCC_REQUIRE_SERVICES === '1';

/** A migrated, empty database and how to throw it away. */
export interface TestDatabase {
  database: Database;
  /** The connection URL, for PostgreSQL databases that other processes should open too. */
  url?: string;
  dispose(): Promise<void>;
}

/**
 * What the integration project's global set-up (global-databases.ts) prepared, when this runs under it;
 * undefined elsewhere (another project, a benchmark), where each database is migrated itself.
 */
function provided<K extends 'postgresTemplate' | 'sqliteImagePath'>(key: K) {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

let sqliteImage: Buffer | undefined;

/** A fresh in-memory SQLite database, migrated (a copy of the run's migrated image when there is one). */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const imagePath = provided('sqliteImagePath');
  if (imagePath) sqliteImage ??= readFileSync(imagePath);
  const database = openDatabase(
    { kind: 'sqlite', path: ':memory:', autoMigrate: true },
    { sqliteImage: imagePath ? sqliteImage : undefined },
  );
  if (!imagePath) await migrateToLatest(database.db);
  return { database, dispose: () => database.close() };
}

/**
 * A fresh PostgreSQL database `mcc_test_<template>_<random>` on this machine's server, migrated (copied from
 * the run's migrated template when there is one). On dispose a copy of the template goes back to this
 * worker's pool emptied, with its open connections, for the next test: creating and dropping a database
 * cost one to three seconds each (most of the PostgreSQL half of the suite), emptying one a few
 * milliseconds, and opening its connections again tens. The run's global teardown drops every database
 * the pool kept.
 */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const template = provided('postgresTemplate');
  const copy = emptied.pop() ?? (await createCopy(template));
  const database = openDatabase(
    { kind: 'postgres', url: copy.url, autoMigrate: true },
    { postgresPool: copy.pool },
  );
  if (!template) await migrateToLatest(database.db);
  return {
    database,
    url: copy.url,
    async dispose() {
      await database.close();
      if (template && (await emptyForReuse(copy, template))) emptied.push(copy);
      else {
        await copy.pool.end();
        await adminQuery(`drop database if exists ${copy.name} with (force)`);
      }
    },
  };
}

/** A test database and the connections this worker keeps open to it. */
interface DatabaseCopy {
  name: string;
  url: string;
  pool: pg.Pool;
}

/** Copies of the template this worker emptied, ready for the next test. */
const emptied: DatabaseCopy[] = [];

/** How this worker's own connections name themselves, to tell them from those of a process a test started. */
const OWN_CONNECTIONS = 'mcc-test-worker';

/** The application's tables (not Kysely's migration bookkeeping). */
const PUBLIC_TABLES =
  "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename not like 'kysely\\_%'";

async function createCopy(template: string | undefined): Promise<DatabaseCopy> {
  const name = template
    ? `${testDatabasePrefix(template)}${randomBytes(6).toString('hex')}`
    : `mcc_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 4,
    connectionTimeoutMillis: 5_000,
    application_name: OWN_CONNECTIONS,
    // Idle connections do not keep a worker that is done from exiting.
    allowExitOnIdle: true,
  });
  pool.on('error', () => {});
  return { name, url: url.toString(), pool };
}

/** The names of the test databases copied from `template`, so the run's teardown finds those it left. */
export function testDatabasePrefix(template: string): string {
  return `mcc_test_${template.replace(/^mcc_template_/, '')}_`;
}

/**
 * Empty a test database so that it is again what the template was: every table's rows deleted (only the
 * migration bookkeeping has rows in the template). A database a test left at another migration (the
 * migration tests), still in use by a process it started, or with a query of this worker still running
 * on it, is not reused: false, and it is dropped.
 */
async function emptyForReuse(copy: DatabaseCopy, template: string): Promise<boolean> {
  const { pool } = copy;
  if (pool.idleCount !== pool.totalCount || pool.waitingCount > 0) return false;
  try {
    const others = await pool.query(
      'select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name <> $1',
      [OWN_CONNECTIONS],
    );
    // Still in use (a process the test started, a pool closing late): dropped with force instead.
    if (others.rows[0].n !== 0) return false;
    const migrations = await pool.query('select count(*)::int as n from kysely_migration');
    if (migrations.rows[0].n !== (await templateMigrationCount(template))) return false;
    // Foreign keys are not checked while every table is emptied (the order would not matter anyway).
    await pool.query(
      `begin; set local session_replication_role = replica; ${(await templateTables(copy)).map((table) => `delete from ${table};`).join(' ')} commit;`,
    );
    return true;
  } catch {
    return false;
  }
}

let tableNames: Promise<string[]> | undefined;

/** The template's tables: the same in every copy (one at another migration is not reused). */
function templateTables(copy: DatabaseCopy): Promise<string[]> {
  tableNames ??= copy.pool
    .query<{ name: string }>(PUBLIC_TABLES)
    .then((result) => result.rows.map((row) => row.name));
  return tableNames;
}

let templateMigrations: Promise<number | null> | undefined;

/**
 * How many migrations the template holds, read from a first copy (nobody may connect to a template); null
 * when a migration put rows in a table of its own, which emptying would lose: then nothing is reused.
 */
function templateMigrationCount(template: string): Promise<number | null> {
  templateMigrations ??= (async () => {
    const copy = await createCopy(template);
    try {
      const tables = await copy.pool.query<{ name: string }>(PUBLIC_TABLES);
      for (const table of tables.rows) {
        const rows = await copy.pool.query(`select 1 from ${table.name} limit 1`);
        if (rows.rowCount) return null;
      }
      return (await copy.pool.query('select count(*)::int as n from kysely_migration')).rows[0].n as number;
    } finally {
      emptied.push(copy);
    }
  })();
  return templateMigrations;
}

/** Drop the test databases copied from `template` that are still there (the pools' emptied copies). */
export async function dropTestDatabasesOf(template: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const prefix = testDatabasePrefix(template).replace(/_/g, '\\_');
    const left = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of left.rows)
      await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database `mcc_template_<random>` that test databases are created from. Nobody may connect
 * to a template while it is copied, so connections to it are switched off once it is migrated.
 */
export async function createPostgresTemplate(): Promise<string> {
  const name = `mcc_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openDatabase(
    { kind: 'postgres', url: url.toString(), autoMigrate: true },
    { poolSize: 1 },
  );
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  await adminQuery(`alter database ${name} with is_template true allow_connections false`);
  return name;
}

/**
 * A new, empty PostgreSQL database named `<prefix>_<random>` (for benches that let the app migrate it);
 * drop it with dropPostgresDatabase.
 */
export async function createEmptyPostgresDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drop a database this run created (a template must stop being one first). */
export async function dropPostgresDatabase(name: string): Promise<void> {
  await adminQuery(`alter database ${name} with is_template false`);
  await adminQuery(`drop database if exists ${name} with (force)`);
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let postgresProbe: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers; otherwise why not. */
export function postgresUnavailableReason(): Promise<string | undefined> {
  postgresProbe ??= adminQuery('select 1').then(
    () => undefined,
    (error: unknown) =>
      `PostgreSQL at ${new URL(POSTGRES_ADMIN_URL).host} is not reachable (${String(error)})`,
  );
  return postgresProbe;
}

const postgresSkipReason = await postgresUnavailableReason();
if (postgresSkipReason) {
  if (REQUIRE_SERVICES) throw new Error(`MCC_REQUIRE_SERVICES=1 but ${postgresSkipReason}`);
  console.warn(`Skipping PostgreSQL tests: ${postgresSkipReason}`);
}

/** The dialects every repository and route test runs on. */
export const TEST_DIALECTS = [
  { dialect: 'sqlite' as const, create: createSqliteTestDatabase, skip: false },
  { dialect: 'postgres' as const, create: createPostgresTestDatabase, skip: Boolean(postgresSkipReason) },
];

/**
 * Run a suite once per dialect; `body` gets a function returning that dialect's factory.
 *
 * @example
 * describeEachDialect('users', (create) => { ... beforeEach(async () => { db = await create(); }) });
 */
export function describeEachDialect(
  name: string,
  body: (create: () => Promise<TestDatabase>, dialect: 'sqlite' | 'postgres') => void,
): void {
  for (const { dialect, create, skip } of TEST_DIALECTS) {
    describe.skipIf(skip)(`${name} [${dialect}]`, () => body(create, dialect));
  }
}
