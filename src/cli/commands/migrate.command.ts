import type { Config } from '#server/config/config.js';
import { openDatabase } from '#server/db/database.js';
import { migrateToLatest } from '#server/db/migrate.js';

/** `mcc migrate`: apply pending migrations and report each one. */
export async function migrateCommand(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  try {
    const { results = [] } = await migrateToLatest(database.db);
    if (results.length === 0) process.stdout.write('The database is up to date.\n');
    for (const result of results) process.stdout.write(`${result.status}: ${result.migrationName}\n`);
  } finally {
    await database.close();
  }
}
