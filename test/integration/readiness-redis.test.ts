import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.js';
import { createServices } from '#server/composition-root.js';
import { loadConfig } from '#server/config/config.js';
import type { Database } from '#server/db/database.js';
import { createMetrics } from '#server/observability/metrics.js';
import { opsRoutes } from '#server/routes/ops.routes.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { TEST_SECRET } from '../support/test-app.js';

describe('/readyz and Redis', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('answers 503 naming Redis when it does not answer', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    cleanups.push(() => app.close());
    const database = { ping: async () => {} } as Database;
    const redis = {
      ping: () => Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
    };
    await app.register(opsRoutes, { database, redis });
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'ok', redis: 'ECONNREFUSED' },
    });
  });

  it.skipIf(Boolean(redisSkipReason))('includes Redis when REDIS_URL is set (jobs on BullMQ)', async () => {
    const prefix = testRedisPrefix();
    const testDb = await createSqliteTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      MCC_DEMO: '0',
      WEB_DIST_DIR: '/nonexistent-dist',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
    });
    const metrics = createMetrics();
    const services = createServices({
      database: testDb.database,
      config,
      secret: TEST_SECRET,
      metricsRegistry: metrics.registry,
    });
    const app = await buildApp({
      config,
      database: testDb.database,
      secret: TEST_SECRET,
      logger: false,
      services,
      metrics,
    });
    cleanups.push(async () => {
      await app.close();
      await services.jobQueue.close();
      await testDb.dispose();
      await deleteRedisPrefix(prefix);
    });
    expect(services.jobQueue.kind).toBe('bullmq');
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });
});
