import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '#server/db/migrate.js';
import type { DB } from '#server/db/schema.js';
import {
  createPostgresTemplate,
  dropPostgresDatabase,
  dropTestDatabasesOf,
  postgresUnavailableReason,
} from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database each test database is copied from; undefined without PostgreSQL. */
    postgresTemplate: string | undefined;
    /** A file holding a migrated SQLite database's image, which each in-memory test database starts from. */
    sqliteImagePath: string;
  }
}

/**
 * Vitest global set-up for the integration project: the migrations run once per test run instead of
 * once per test database (creating and migrating a PostgreSQL database took about a second; copying the
 * template takes a fraction of that).
 */
export default async function migrateOnce(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'mcc-test-image-'));
  const imagePath = path.join(folder, 'migrated.sqlite');
  // Side by side: PostgreSQL migrates its template in its own processes while SQLite migrates here.
  const [image, created] = await Promise.allSettled([
    migratedSqliteImage(),
    postgresUnavailableReason().then((reason) => (reason ? undefined : createPostgresTemplate())),
  ]);
  if (image.status === 'rejected' || created.status === 'rejected') {
    // Neither is left behind when the other failed.
    if (created.status === 'fulfilled' && created.value) await dropPostgresDatabase(created.value);
    rmSync(folder, { recursive: true, force: true });
    throw image.status === 'rejected' ? image.reason : (created as PromiseRejectedResult).reason;
  }
  const template = created.value;
  writeFileSync(imagePath, image.value);
  project.provide('sqliteImagePath', imagePath);
  project.provide('postgresTemplate', template);
  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (template) {
      await dropTestDatabasesOf(template);
      await dropPostgresDatabase(template);
    }
  };
}

async function migratedSqliteImage(): Promise<Buffer> {
  const sqlite = new SQLite(':memory:');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
    return sqlite.serialize();
  } finally {
    await db.destroy();
  }
}
