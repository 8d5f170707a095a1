import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { type AppDeps, buildApp } from '#server/app.js';
import { createServices, type ServiceDeps, type Services } from '#server/composition-root.js';
import { loadConfig } from '#server/config/config.js';
import type { Database } from '#server/db/database.js';
import { createMetrics } from '#server/observability/metrics.js';
import type { TestDatabase } from './databases.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef-0123456789abcdef-xyz';

/** A built (not listening) app on a fresh database, and how to dispose of both. */
export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/** An app built on a database it does not own: another instance on the same database, say. */
export interface TestInstance {
  app: FastifyInstance;
  services: Services;
}

/**
 * Build the real app (ready, not listening) on `database` with test settings; `env` overrides any
 * variable. Closing the app leaves the database open, so several instances can share one.
 */
export async function buildTestInstance(
  database: Database,
  env: Record<string, string> = {},
  seams: Partial<Omit<ServiceDeps, 'database' | 'config' | 'secret' | 'metricsRegistry'>> = {},
  appOptions: Pick<AppDeps, 'realtime'> = {},
): Promise<TestInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    MCC_DEMO: '0',
    WEB_DIST_DIR: '/nonexistent-dist',
    RATE_LIMIT_MAX: '10000',
    AUTH_RATE_LIMIT_MAX: '1000',
    // Never the checkout's ./data (npm start's), nor a directory another worker's tests sweep.
    DATA_DIR: TEST_DATA_DIRECTORY,
    // Cheap argon2: tests register thousands of accounts (passwords.test.ts checks the production cost).
    // Configuration refuses it outside NODE_ENV=test, so a test of production or development keeps owasp.
    ...(env.NODE_ENV === undefined || env.NODE_ENV === 'test' ? { PASSWORD_HASH_PROFILE: 'test' } : {}),
    ...env,
  });
  const metrics = createMetrics();
  const services = createServices({
    database,
    config,
    secret: TEST_SECRET,
    metricsRegistry: metrics.registry,
    mediaSpoolDirectory: TEST_SPOOL_DIRECTORY,
    ...seams,
  });
  const app = await buildApp({
    config,
    database,
    secret: TEST_SECRET,
    logger: unexpectedErrorLogger,
    services,
    metrics,
    ...appOptions,
  });
  await app.ready();
  servicesByApp.set(app, services);
  return { app, services };
}

const servicesByApp = new WeakMap<FastifyInstance, Services>();

/** The services of an app built here (test factories reach them from the app alone). */
export function servicesOf(app: FastifyInstance): Services {
  const services = servicesByApp.get(app);
  if (!services) throw new Error('servicesOf: this app was not built by buildTestInstance');
  return services;
}

/** Files of apps built by buildTestInstance without a DATA_DIR: one directory per test worker. */
const TEST_DATA_DIRECTORY = path.join(tmpdir(), `mcc-test-data-${process.pid}`);

/**
 * Uploads in flight, one directory per test worker: tests in a worker run one at a time, so a test that
 * moves its clock ahead and sweeps stale uploads never meets another file's upload in the middle of processing.
 */
const TEST_SPOOL_DIRECTORY = path.join(tmpdir(), `mcc-test-uploads-${process.pid}`);

/**
 * Test apps log nothing but unexpected errors (the ones a client sees as `internal_error`), with their
 * stack, on stderr: a 500 that only happens under a loaded suite is then diagnosable from the run's output.
 */
const unexpectedErrorLogger = pino({ level: 'error' }, pino.destination(2));

/**
 * Build the real app on `testDb` with test settings; `env` overrides any variable. Without a DATA_DIR the
 * app gets a data directory of its own, removed on close: a test whose clock runs hours ahead sweeps the
 * media it does not know as orphans, and must not find another test's there.
 */
export async function createTestApp(
  testDb: TestDatabase,
  env: Record<string, string> = {},
  seams: Partial<Omit<ServiceDeps, 'database' | 'config' | 'secret' | 'metricsRegistry'>> = {},
  appOptions: Pick<AppDeps, 'realtime'> = {},
): Promise<TestApp> {
  const ownDataDir =
    env.DATA_DIR === undefined ? await mkdtemp(path.join(tmpdir(), 'mcc-test-app-')) : undefined;
  const { app, services } = await buildTestInstance(
    testDb.database,
    ownDataDir ? { DATA_DIR: ownDataDir, ...env } : env,
    seams,
    appOptions,
  );
  return {
    app,
    services,
    database: testDb.database,
    async close() {
      await app.close();
      await testDb.dispose();
      if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

/** A `cookie` request header from name/value pairs. */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}
