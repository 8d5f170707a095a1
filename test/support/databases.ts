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
 * A fresh PostgreSQL database `mcc_test_<random>` on this machine's server, migrated (copied from the
 * run's migrated template when there is one); dropped on dispose.
 */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const name = `mcc_test_${randomBytes(6).toString('hex')}`;
  const template = provided('postgresTemplate');
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openDatabase(
    { kind: 'postgres', url: url.toString(), autoMigrate: true },
    { poolSize: 4 },
  );
  if (!template) await migrateToLatest(database.db);
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
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
export function describeEachDialect(name: string, body: (create: () => Promise<TestDatabase>) => void): void {
  for (const { dialect, create, skip } of TEST_DIALECTS) {
    describe.skipIf(skip)(`${name} [${dialect}]`, () => body(create));
  }
}
