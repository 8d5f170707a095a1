import type { FastifyInstance } from 'fastify';
import { buildApp } from '#server/app.js';
import { loadConfig } from '#server/config/config.js';
import { type Database, openDatabase } from '#server/db/database.js';
import { migrateToLatest } from '#server/db/migrate.js';

/** A test app on an in-memory SQLite database, plus the database so a test can break it. */
export interface PlatformTestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

const TEST_SECRET = 'platform-test-secret-0123456789-abcdefghijklmnop';

/**
 * Build the real app for `inject()` tests. `extend` runs before `ready()`, for routes a test needs
 * (a deliberately failing handler) without putting test hooks in production code.
 */
export async function buildPlatformTestApp(
  env: Record<string, string> = {},
  extend?: (app: FastifyInstance) => void | Promise<void>,
): Promise<PlatformTestApp> {
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent/mcc-web-dist', ...env });
  const database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: true });
  await migrateToLatest(database.db);
  const app = await buildApp({ config, database, secret: TEST_SECRET, logger: false });
  await extend?.(app);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close().catch(() => {});
    },
  };
}
