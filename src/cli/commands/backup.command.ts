import path from 'node:path';
import type { Config } from '#server/config/config.js';
import { openDatabase } from '#server/db/database.js';

/** `mcc backup [file]`: an online SQLite backup, by default to `<DATA_DIR>/backups/mcc-<time>.db`. */
export async function backupCommand(config: Config, file: string | undefined): Promise<void> {
  if (config.database.kind !== 'sqlite') {
    throw new Error(
      'mcc backup copies the SQLite database; for PostgreSQL use pg_dump (see docs/operations.md)',
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const destination = file ?? path.join(config.dataDir, 'backups', `mcc-${stamp}.db`);
  const database = openDatabase(config.database);
  try {
    await database.backup(destination);
    process.stdout.write(`Backup written to ${destination}\n`);
  } finally {
    await database.close();
  }
}
